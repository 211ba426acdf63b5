using System.Globalization;
using System.Text;
using System.Text.Json;
using Pairing.Core.Files.Tables;
using Pairing.Core.Findings;
using Pairing.Core.Internals;
using Pairing.Core.Matching;
using Pairing.Core.Files;

namespace Pairing.Core.Files.Results;

/// <summary>
/// The capacity advice folder: <c>advice.csv</c>, one row per addition, UTF-8 with a
/// BOM (people open it), and <c>summary.json</c>, per province and in all what to add and the Xinjiang students covered
/// before and after, with the options used. Both are byte-identical for the same roster and options.
/// </summary>
public static class AdviceFiles
{
    /// <summary>The advice file.</summary>
    public const string AdviceFile = "advice.csv";

    /// <summary>The summary file.</summary>
    public const string SummaryFile = "summary.json";

    /// <summary>The columns of <c>advice.csv</c>, in order.</summary>
    public static IReadOnlyList<string> AdviceColumns { get; } =
        ["action", "province_id", "inland_county_id", "inland_school_id", "grade", "classes", "students", "xinjiang_id", "rule", "code", "reason"];

    /// <summary>The files of an advice folder.</summary>
    public static IReadOnlyList<string> FileNames { get; } = [AdviceFile, SummaryFile];

    /// <summary>The <c>action</c> column's word for an action: <c>add-county</c>, <c>add-school</c> or <c>add-classes</c>.</summary>
    /// <param name="action">The action.</param>
    /// <returns>The word.</returns>
    public static string ActionName(CapacityAction action) => action switch
    {
        CapacityAction.AddCounty => "add-county",
        CapacityAction.AddSchool => "add-school",
        _ => "add-classes",
    };

    /// <summary>Writes the folder, replacing the files of an earlier advice there at once (a reader sees the old advice or the new one).</summary>
    /// <param name="advice">The advice.</param>
    /// <param name="directory">The folder.</param>
    /// <param name="language">The language of the <c>reason</c> column: Chinese, English, or both (<c>中文 / English</c>). The default value is both.</param>
    /// <exception cref="ArgumentNullException"><paramref name="advice"/> or <paramref name="directory"/> is null.</exception>
    /// <exception cref="IOException">The folder cannot be written, or holds files that are not an advice's; nothing was changed.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder or its parent may not be written; nothing was changed.</exception>
    public static void Write(CapacityAdvice advice, string directory, FindingLanguage language = FindingLanguage.ChineseAndEnglish)
    {
        Guard.NotNull(advice);
        Guard.NotNull(directory);
        using var files = AtomicFiles.Folder(directory, [.. FileNames]);
        WriteFiles(advice, files.Create, language);
        files.Commit();
    }

    /// <summary>Writes the advice into a folder as <see cref="Write"/> does (the folder replaced whole, at once), without blocking a thread on the disk.</summary>
    /// <param name="advice">The advice.</param>
    /// <param name="directory">The folder, replaced whole.</param>
    /// <param name="language">The language of the reason column.</param>
    /// <param name="cancellationToken">Stops the write; the folder is then as it was.</param>
    /// <returns>A task that completes when the new folder is in place.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="IOException">The folder cannot be written; nothing was changed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; nothing was changed.</exception>
    public static async Task WriteAsync(CapacityAdvice advice, string directory, FindingLanguage language = FindingLanguage.ChineseAndEnglish, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(advice);
        Guard.NotNull(directory);
        var buffers = new SortedDictionary<string, MemoryStream>(StringComparer.Ordinal);
        WriteFiles(advice, name => buffers[name] = new MemoryStream(), language);
        cancellationToken.ThrowIfCancellationRequested();
        using var files = AtomicFiles.Folder(directory, [.. FileNames]);
        foreach (var (name, buffer) in buffers)
        {
            await using var stream = files.Create(name);
            await stream.WriteAsync(buffer.ToArray(), cancellationToken).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        files.Commit();
    }

    /// <summary>Writes advice.csv and summary.json to the streams <paramref name="create"/> gives.</summary>
    private static void WriteFiles(CapacityAdvice advice, Func<string, Stream> create, FindingLanguage language)
    {
        using (var csv = new CsvWriter(new StreamWriter(create(AdviceFile), new UTF8Encoding(true), 1 << 16) { NewLine = "\n" }))
        {
            csv.WriteHeader([.. AdviceColumns]);
            foreach (var a in advice.Additions)
            {
                csv.Write(ActionName(a.Action));
                csv.Write(a.ProvinceId.Value);
                csv.Write(a.InlandCountyId.Value);
                csv.Write(a.InlandSchoolId?.Value ?? string.Empty);
                csv.Write(a.Grade is { } g ? g.Number.ToString(CultureInfo.InvariantCulture) : string.Empty);
                csv.Write(a.Action == CapacityAction.AddClasses ? a.Classes.ToString(CultureInfo.InvariantCulture) : string.Empty);
                csv.Write(a.Action == CapacityAction.AddClasses ? a.Students.ToString(CultureInfo.InvariantCulture) : string.Empty);
                csv.Write(a.XinjiangId);
                csv.Write(a.Finding.Rule ?? string.Empty);
                csv.Write(a.Finding.Code);
                csv.Write(FindingRenderer.Default.Render(a.Finding, language));
                csv.EndRow();
            }
        }

        using (var stream = create(SummaryFile))
        {
            stream.Write(new UTF8Encoding(false).GetBytes(SummaryText(advice)));
        }
    }

    /// <summary><c>summary.json</c>, by hand so that its bytes are fixed (keys in a fixed order, \n line ends).</summary>
    private static string SummaryText(CapacityAdvice advice)
    {
        var b = new StringBuilder();
        var o = advice.Options;
        b.Append("{\n  \"format\": \"pairing-advice/1\",\n");
        b.Append("  \"options\": {\n");
        b.Append("    \"xinjiang_counties_per_inland_county\": ").Append(Num(o.XinjiangCountiesPerInlandCounty)).Append(",\n");
        b.Append("    \"xinjiang_schools_per_inland_school\": ").Append(Num(o.XinjiangSchoolsPerInlandSchool)).Append(",\n");
        b.Append("    \"relax_grade_to_nearest\": ").Append(o.RelaxGradeToNearest ? "true" : "false").Append("\n  },\n");
        b.Append("  \"exact\": ").Append(advice.Notes.Count == 0 ? "true" : "false").Append(",\n");
        b.Append("  \"total\": ");
        Figures(b, advice.Counties, advice.Schools, advice.Classes, advice.Students, advice.XinjiangStudents, advice.CoveredBefore, advice.CoveredAfter);
        b.Append(",\n  \"provinces\": [");
        for (var i = 0; i < advice.Provinces.Count; i++)
        {
            var p = advice.Provinces[i];
            b.Append(i == 0 ? "\n    {\"province_id\": " : ",\n    {\"province_id\": ").Append(JsonSerializer.Serialize(p.ProvinceId.Value)).Append(", \"figures\": ");
            Figures(b, p.Counties, p.Schools, p.Classes, p.Students, p.XinjiangStudents, p.CoveredBefore, p.CoveredAfter);
            b.Append('}');
        }

        b.Append(advice.Provinces.Count == 0 ? "]\n}\n" : "\n  ]\n}\n");
        return b.ToString();
    }

    private static void Figures(StringBuilder b, int counties, int schools, int classes, long students, long xinjiang, long before, long after) =>
        b.Append("{\"counties\": ").Append(Num(counties))
            .Append(", \"schools\": ").Append(Num(schools))
            .Append(", \"classes\": ").Append(Num(classes))
            .Append(", \"students\": ").Append(Num(students))
            .Append(", \"xinjiang_students\": ").Append(Num(xinjiang))
            .Append(", \"covered_before\": ").Append(Num(before))
            .Append(", \"covered_after\": ").Append(Num(after)).Append('}');

    private static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);
}
