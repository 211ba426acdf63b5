using System.Collections.Immutable;
using Pairing.Core.Files.Tables;
using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Internals;
using Pairing.Core.Rosters;

namespace Pairing.Core.Files.Rosters;

/// <summary>Turns each roster file's rows into builder rows, reporting every field problem with its position.</summary>
internal static class RosterCsvReader
{
    private static readonly string[] CountyColumns = ["county_id", "side", "name", "unit"];
    private static readonly string[] SchoolColumns = ["school_id", "county_id", "name"];
    private static readonly string[] ClassColumns = ["class_id", "school_id", "grade"];
    private static readonly string[] ClassOptional = ["size"];
    private static readonly string[] StudentColumns = ["student_id", "class_id", "gender"];
    private static readonly string[] StudentOptional = ["birth_year", "language", "interests"];

    public static void ReadCounties(RosterBuilder builder, TableInput input) =>
        CsvTable.Read(builder, input, RosterFiles.CountiesFile, "counties", CountyColumns, [], allowName: true, (row, source) =>
        {
            var id = row.Id("county_id");
            var sideText = row.Value("side");
            Side? side = sideText switch
            {
                "xinjiang" or "新疆" => Side.Xinjiang,
                "inland" or "内地" => Side.Inland,
                _ => null,
            };
            if (side is null)
            {
                row.Problem(RosterFindings.BadSide, "side", FindingArgument.Of("value", sideText.ToString()));
            }

            // The unit is matched against the support map's codes, so folding full-width digits is unambiguous.
            var unit = row.Value("unit") is { Length: > 0 } unitText ? unitText.ToString() : row.Id("unit");
            var name = row.Text("name");
            if (id is not null && side is { } s && unit is not null && !row.Refused)
            {
                builder.AddCounty(new County(new CountyId(id), name, s, unit), source);
            }
            else if ((id ?? row.RawId("county_id")) is { } rejected)
            {
                builder.Reject("counties", rejected, source);
            }
        });

    public static void ReadSchools(RosterBuilder builder, TableInput input) =>
        CsvTable.Read(builder, input, RosterFiles.SchoolsFile, "schools", SchoolColumns, [], allowName: true, (row, source) =>
        {
            var id = row.Id("school_id");
            var county = row.Id("county_id");
            var name = row.Text("name");
            if (id is not null && county is not null && !row.Refused)
            {
                builder.AddSchool(new School(new SchoolId(id), new CountyId(county), name), source);
            }
            else if ((id ?? row.RawId("school_id")) is { } rejected)
            {
                builder.Reject("schools", rejected, source);
            }
        });

    public static void ReadClasses(RosterBuilder builder, TableInput input) =>
        CsvTable.Read(builder, input, RosterFiles.ClassesFile, "classes", ClassColumns, ClassOptional, allowName: false, (row, source) =>
        {
            var id = row.Id("class_id");
            var school = row.Id("school_id");
            var gradeText = row.Value("grade");
            var gradeOk = TryGrade(gradeText, out var grade, out var decimalGrade);
            if (!gradeOk)
            {
                row.Problem(decimalGrade ? RosterFindings.DecimalGrade : RosterFindings.BadGrade, "grade", FindingArgument.Of("value", gradeText.ToString()));
            }

            int? size = null;
            var sizeOk = true;
            if (row.Has("size"))
            {
                var sizeText = row.Value("size");
                if (sizeText.Length > 0)
                {
                    if (CellText.TryWholeNumber(sizeText, out var s, out _) && s is >= 0 and <= SchoolClass.MaxSize)
                    {
                        size = s;
                    }
                    else
                    {
                        sizeOk = false;
                        row.Problem(RosterFindings.BadSize, "size", FindingArgument.Of("value", sizeText.ToString()), FindingArgument.Of("max", SchoolClass.MaxSize));
                    }
                }
            }

            if (id is not null && school is not null && gradeOk && sizeOk && !row.Refused)
            {
                builder.AddClass(new ClassId(id), new SchoolId(school), grade, size, source);
            }
            else if ((id ?? row.RawId("class_id")) is { } rejected)
            {
                builder.Reject("classes", rejected, source);
            }
        });

    public static void ReadStudents(RosterBuilder builder, TableInput input)
    {
        builder.StudentCapacityHint = input.Cells is null ? EstimateRows(input.Bytes) : 0;

        // A large students.csv is read in two halves at once, each with its own caches and rows, merged in file order.
        CsvTable.Read(builder, input, RosterFiles.StudentsFile, "students", StudentColumns, StudentOptional, allowName: false, StudentRows, inTwo: true);
    }

    /// <summary>The handler of students.csv's rows into <paramref name="builder"/>, with caches of its own.</summary>
    private static Action<CsvTable.RowReader, RosterBuilder.Source> StudentRows(RosterBuilder builder)
    {
        // Many students share a class id, a language and an interest list: make each value once.
        var classIds = new SpanCache<ClassId>(text => new ClassId(text));
        var languages = new SpanCache<string?>(text => text.Trim() is { Length: > 0 } trimmed ? trimmed : null);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        var interestLists = new SpanCache<ImmutableArray<string>>(text =>
            [.. text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(tag => Intern(tags, tag))]);
        var traits = new StudentTraitsCache();
        return (row, source) =>
        {
            // An ID-card-shaped student_id (or any other cell) was reported before the row got here, and reads as absent.
            var id = row.Id("student_id");

            var classId = row.IdSpan("class_id", out var classText) ? classIds.Get(classText) : default;
            var gender = row.Value("gender") switch
            {
                "F" or "女" => Gender.Female,
                "M" or "男" => Gender.Male,
                "" => Gender.Unknown,
                var other => BadGender(row, other),
            };

            int? birthYear = null;
            if (row.Has("birth_year") && row.Value("birth_year") is { Length: > 0 } yearText)
            {
                if (CellText.TryWholeNumber(yearText, out var y, out _) && y is >= Student.MinBirthYear and <= Student.MaxBirthYear)
                {
                    birthYear = y;
                }
                else
                {
                    row.Problem(RosterFindings.BadBirthYear, "birth_year", FindingArgument.Of("value", yearText.ToString()),
                        FindingArgument.Of("min", Student.MinBirthYear), FindingArgument.Of("max", Student.MaxBirthYear));
                }
            }

            var language = row.Has("language") && row.Span("language") is { Length: > 0 } languageText ? languages.Get(languageText) : null;
            var interests = row.Has("interests") && row.Span("interests") is { Length: > 0 } interestText
                ? interestLists.Get(interestText)
                : [];

            if (id is not null && classId.Value is not null && !row.Refused)
            {
                builder.AddStudent(new Student(new StudentId(id), classId, traits.Get(gender, birthYear, language, interests)), source);
            }
        };
    }

    private static Gender BadGender(CsvTable.RowReader row, ReadOnlySpan<char> text)
    {
        row.Problem(RosterFindings.BadGender, "gender", FindingArgument.Of("value", text.ToString()));
        return Gender.Unknown;
    }

    /// <summary>A grade as a number (<c>8</c>, <c>8.0</c>), or as Chinese writes it (<c>初二</c>, <c>八年级</c>, <c>8年级</c>).</summary>
    internal static bool TryGrade(ReadOnlySpan<char> text, out Grade grade, out bool isDecimal)
    {
        grade = default;
        var number = Array.IndexOf(ChineseGrades, text.ToString());
        if (number >= 0)
        {
            isDecimal = false;
            grade = new Grade(7 + (number % 6));
            return true;
        }

        var digits = text.EndsWith("年级") ? text[..^2] : text;
        if (CellText.TryWholeNumber(digits, out number, out isDecimal) && number is >= Grade.MinNumber and <= Grade.MaxNumber)
        {
            grade = new Grade(number);
            return true;
        }

        return false;
    }

    private static readonly string[] ChineseGrades =
    [
        "初一", "初二", "初三", "高一", "高二", "高三",
        "七年级", "八年级", "九年级", "十年级", "十一年级", "十二年级",
    ];

    private static string Intern(Dictionary<string, string> pool, string value)
    {
        if (pool.TryGetValue(value, out var shared))
        {
            return shared;
        }

        pool.Add(value, value);
        return value;
    }

    private static int EstimateRows(ByteSource? bytes)
    {
        if (bytes is null)
        {
            return 0;
        }

        // The line feeds the first pass counted less the header's (exactly the rows of a file that ends in a line feed,
        // so that the roster takes the rows' array as it is), but no more rows than the bytes could hold (a file of empty
        // lines would otherwise reserve room for a student per byte).
        var scan = bytes.Scanned ??= TextDecoding.Scan(bytes, long.MaxValue);
        return (int)Math.Min(Math.Min(Math.Max(0, scan.Lines - 1), scan.Bytes / MinRowBytes), MaxRowsHint);
    }

    /// <summary>
    /// The bytes a student's row is counted at for the room made ahead (the national roster averages 58): fewer bytes
    /// a row only make the list grow as it is read, never reserve room for rows a junk file does not have.
    /// </summary>
    internal const int MinRowBytes = 40;

    /// <summary>The most rows made room for ahead: 4,194,304, more than the national roster's 3.1 million students.</summary>
    internal const int MaxRowsHint = 1 << 22;
}
