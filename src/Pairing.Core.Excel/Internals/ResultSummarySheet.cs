using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Pairing.Core.Excel.Internals;

/// <summary>
/// The 摘要 sheet of a result workbook: summary.json as a table a person reads (项目, 数值: a label and the figure in
/// Chinese terms), with two hidden columns (字段, 原值) holding each figure's key (<c>levels.county.paired</c>) and JSON
/// value, from which <see cref="Read"/> rebuilds summary.json exactly as to its values. Rows come in a reader's order:
/// the phase, the students covered, each level's figures, the pairs' qualities, last year's pairs, the seconds, the
/// options, and where the result came from. A row with no key (the coverage) is for reading only.
/// </summary>
internal static class ResultSummarySheet
{
    private static readonly string[] Columns = ["item", "value", "key", "json"];

    public static SheetData Write(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var figures = new List<(string Key, string Json)>();
        Flatten(doc.RootElement, string.Empty, figures);
        var rows = new List<string[]>();
        foreach (var (key, value) in figures.Select((f, i) => (f, i)).OrderBy(f => Rank(f.f.Key)).ThenBy(f => f.i).Select(f => f.f))
        {
            rows.Add([WorkbookLabels.SummaryLabel(key), WorkbookLabels.SummaryDisplay(key, value), key, value]);
            if (key == "covered_students"
                && doc.RootElement.TryGetProperty("xinjiang_students", out var all) && all.TryGetInt64(out var total) && total > 0
                && doc.RootElement.GetProperty("covered_students").TryGetInt64(out var covered))
            {
                rows.Add([WorkbookLabels.Coverage, WorkbookLabels.Percent((double)covered / total), string.Empty, string.Empty]);
            }
        }

        return new SheetData(ResultSheetNames.ChineseOf("summary"), Columns, rows)
        {
            Headers = [WorkbookLabels.SummaryItem, WorkbookLabels.SummaryValue, WorkbookLabels.SummaryKey, WorkbookLabels.SummaryJson],
            HiddenColumns = [2, 3],
            Widths = [40, 36, 36, 20],
            Note = "summary.json",
        };
    }

    /// <summary>summary.json from the sheet's rows: from the hidden key and JSON columns, or, in an older workbook, its lines.</summary>
    public static string Read(List<IReadOnlyList<string>> rows, string where)
    {
        // The older layout: a header "summary.json" (under 摘要), then summary.json one line a row.
        var old = rows.FindIndex(r => r.Count > 0 && r[0].Trim() == "summary.json");
        if (old >= 0)
        {
            return string.Join('\n', rows.Skip(old + 1).Select(r => r.Count > 0 ? r[0] : string.Empty)) + "\n";
        }

        var header = rows.FindIndex(r => r.Contains(WorkbookLabels.SummaryKey) && r.Contains(WorkbookLabels.SummaryJson));
        if (header < 0)
        {
            throw new InvalidDataException($"{where} has no header row with the columns {WorkbookLabels.SummaryKey} and {WorkbookLabels.SummaryJson}");
        }

        var keyAt = rows[header].ToList().IndexOf(WorkbookLabels.SummaryKey);
        var jsonAt = rows[header].ToList().IndexOf(WorkbookLabels.SummaryJson);
        var root = new Node();
        for (var line = header + 1; line < rows.Count; line++)
        {
            var row = rows[line];
            var key = keyAt < row.Count ? row[keyAt].Trim() : string.Empty;
            if (key.Length == 0)
            {
                continue;
            }

            var value = jsonAt < row.Count ? row[jsonAt].Trim() : string.Empty;
            try
            {
                using var _ = JsonDocument.Parse(value);
            }
            catch (JsonException)
            {
                throw new InvalidDataException($"{where}, row {line + 1}: the value '{value}' of {key} is not a JSON value");
            }

            var node = root;
            var parts = SplitPath(key);
            for (var i = 0; i < parts.Length - 1; i++)
            {
                node = node.Child(parts[i]);
            }

            node.Values.Add((parts[^1], value, null));
        }

        var text = new StringBuilder();
        root.Write(text);
        return text.Append('\n').ToString();
    }

    private static void Flatten(JsonElement element, string prefix, List<(string Key, string Json)> figures)
    {
        foreach (var property in element.EnumerateObject())
        {
            // A name that holds a dot (continuity_levels' "student.kept") keeps it escaped, so the path splits back exactly.
            var name = property.Name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(".", "\\.", StringComparison.Ordinal);
            var key = prefix.Length == 0 ? name : $"{prefix}.{name}";
            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                Flatten(property.Value, key, figures);
            }
            else
            {
                figures.Add((key, property.Value.GetRawText()));
            }
        }
    }

    /// <summary>A key's path, split on the dots that are not escaped by a backslash, each part unescaped.</summary>
    private static string[] SplitPath(string key)
    {
        var parts = new List<string>();
        var part = new StringBuilder();
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] == '\\' && i + 1 < key.Length)
            {
                part.Append(key[++i]);
            }
            else if (key[i] == '.')
            {
                parts.Add(part.ToString());
                part.Clear();
            }
            else
            {
                part.Append(key[i]);
            }
        }

        parts.Add(part.ToString());
        return [.. parts];
    }

    private static int Rank(string key) => key.Split('.')[0] switch
    {
        "phase" => 0,
        "xinjiang_students" or "covered_students" => 1,
        "levels" => 2,
        "cross_class_pairs" or "class_size_difference" or "same_gender_pairs" or "same_gender_share" or "preference_score" => 3,
        "continuity_first_uncovered" or "continuity" => 4,
        "seconds_per_stage" => 5,
        "options" => 6,
        _ => 7,
    };

    /// <summary>A JSON object being rebuilt: its members in the sheet's order, each a JSON value or an object.</summary>
    private sealed class Node
    {
        public List<(string Name, string? Json, Node? Object)> Values { get; } = [];

        public Node Child(string name)
        {
            var found = Values.FirstOrDefault(v => v.Name == name && v.Object is not null).Object;
            if (found is null)
            {
                found = new Node();
                Values.Add((name, null, found));
            }

            return found;
        }

        public void Write(StringBuilder text)
        {
            text.Append('{');
            for (var i = 0; i < Values.Count; i++)
            {
                var (name, json, inner) = Values[i];
                text.Append(i == 0 ? string.Empty : ",").Append(JsonSerializer.Serialize(name)).Append(':');
                if (inner is not null)
                {
                    inner.Write(text);
                }
                else
                {
                    text.Append(json);
                }
            }

            text.Append('}');
        }
    }
}
