using System.Globalization;
using Pairing.Core.Files.Rosters;
using Pairing.Core.Hierarchy;
using Pairing.Core.Rosters;
using Pairing.Core.Testing;
using SpreadCheetah;

namespace Pairing.Benchmarks;

/// <summary>
/// The generated roster of <see cref="RosterData"/> as one workbook (sheets counties, schools, classes, students),
/// written once beside the CSV folder and reused: by SpreadCheetah (the project's writer: inline strings, no cell
/// references), or, as <c>shared</c>, by <see cref="SpreadsheetML"/> the way Excel and openpyxl write (shared strings,
/// every cell and row numbered). Ids are text cells, grades, sizes and birth years numbers, as an office keeps them.
/// </summary>
internal static class WorkbookData
{
    /// <summary>The kinds of workbook: <c>inline</c> (SpreadCheetah's, the default) and <c>shared</c> (Excel's way).</summary>
    public static readonly string[] Kinds = ["inline", "shared"];

    public static string Path(int xinjiangStudents, string kind = "inline")
    {
        var folder = RosterData.Folder(xinjiangStudents);
        var path = kind == "inline" ? folder + ".xlsx" : folder + "-" + kind + ".xlsx";
        if (!File.Exists(path))
        {
            Write(folder, path, kind);
        }

        return path;
    }

    /// <summary>The CSV roster of a folder written as one workbook of the given kind (replaced whole).</summary>
    public static void Write(string folder, string path, string kind)
    {
        var roster = RosterFiles.Read(folder).GetValueOrThrow();
        var temp = path + ".tmp";
        if (kind == "inline")
        {
            Write(roster, temp).AsTask().GetAwaiter().GetResult();
        }
        else if (kind == "shared")
        {
            using var stream = File.Create(temp);
            SpreadsheetML.Write(stream, Sheets(roster), new SpreadsheetMLOptions { Text = TextCells.Shared });
        }
        else
        {
            throw new ArgumentException($"unknown workbook kind {kind}", nameof(kind));
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>The roster's four sheets as rows of cells, as <see cref="Write"/> writes them.</summary>
    private static IEnumerable<(string, IEnumerable<object?[]?>)> Sheets(Roster roster)
    {
        IEnumerable<object?[]?> Counties()
        {
            yield return ["county_id", "side", "name", "unit"];
            foreach (var c in roster.Counties)
            {
                yield return [c.Id.Value, c.Side == Side.Xinjiang ? "xinjiang" : "inland", c.Name, c.Unit];
            }
        }

        IEnumerable<object?[]?> Schools()
        {
            yield return ["school_id", "county_id", "name"];
            foreach (var s in roster.Schools)
            {
                yield return [s.Id.Value, s.CountyId.Value, s.Name];
            }
        }

        IEnumerable<object?[]?> Classes()
        {
            yield return ["class_id", "school_id", "grade", "size"];
            foreach (var c in roster.Classes)
            {
                yield return [c.Id.Value, c.SchoolId.Value, c.Grade.Number, c.Size];
            }
        }

        IEnumerable<object?[]?> Students()
        {
            yield return ["student_id", "class_id", "gender", "birth_year", "language", "interests"];
            var row = new object?[6];
            foreach (var s in roster.Students)
            {
                row[0] = s.Id.Value;
                row[1] = s.ClassId.Value;
                row[2] = s.Gender switch { Gender.Female => "F", Gender.Male => "M", _ => null };
                row[3] = s.BirthYear;
                row[4] = s.Language;
                row[5] = !s.Interests.Any() ? null : string.Join(';', s.Interests);
                yield return row;
            }
        }

        return [("counties", Counties()), ("schools", Schools()), ("classes", Classes()), ("students", Students())];
    }

    private static async ValueTask Write(Roster roster, string path)
    {
        await using var stream = File.Create(path);
        await using var book = await Spreadsheet.CreateNewAsync(stream);
        var row = new DataCell[6];

        await book.StartWorksheetAsync("counties");
        await book.AddRowAsync([new("county_id"), new("side"), new("name"), new("unit")]);
        foreach (var c in roster.Counties)
        {
            await book.AddRowAsync([new(c.Id.Value), new(c.Side == Side.Xinjiang ? "xinjiang" : "inland"), new(c.Name), new(c.Unit)]);
        }

        await book.StartWorksheetAsync("schools");
        await book.AddRowAsync([new("school_id"), new("county_id"), new("name")]);
        foreach (var s in roster.Schools)
        {
            await book.AddRowAsync([new(s.Id.Value), new(s.CountyId.Value), new(s.Name)]);
        }

        await book.StartWorksheetAsync("classes");
        await book.AddRowAsync([new("class_id"), new("school_id"), new("grade"), new("size")]);
        foreach (var c in roster.Classes)
        {
            await book.AddRowAsync([new(c.Id.Value), new(c.SchoolId.Value), new(c.Grade.Number), new(c.Size)]);
        }

        await book.StartWorksheetAsync("students");
        await book.AddRowAsync([new("student_id"), new("class_id"), new("gender"), new("birth_year"), new("language"), new("interests")]);
        foreach (var s in roster.Students)
        {
            row[0] = new DataCell(s.Id.Value);
            row[1] = new DataCell(s.ClassId.Value);
            row[2] = new DataCell(s.Gender switch { Gender.Female => "F", Gender.Male => "M", _ => string.Empty });
            row[3] = s.BirthYear is { } y ? new DataCell(y) : new DataCell(string.Empty);
            row[4] = new DataCell(s.Language ?? string.Empty);
            row[5] = new DataCell(string.Join(';', s.Interests));
            await book.AddRowAsync(row);
        }

        await book.FinishAsync();
    }

    internal static string Text(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString() ?? string.Empty,
    };
}
