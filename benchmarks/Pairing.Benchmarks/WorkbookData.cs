using System.Globalization;
using Pairing.Core.Files.Rosters;
using Pairing.Core.Hierarchy;
using Pairing.Core.Rosters;
using SpreadCheetah;

namespace Pairing.Benchmarks;

/// <summary>
/// The generated roster of <see cref="RosterData"/> as one workbook (sheets counties, schools, classes, students),
/// written once with SpreadCheetah beside the CSV folder and reused. Ids are text cells, grades, sizes and birth
/// years numbers, as an office keeps them.
/// </summary>
internal static class WorkbookData
{
    public static string Path(int xinjiangStudents)
    {
        var folder = RosterData.Folder(xinjiangStudents);
        var path = folder + ".xlsx";
        if (!File.Exists(path))
        {
            var roster = RosterFiles.Read(folder).GetValueOrThrow();
            var temp = path + ".tmp";
            Write(roster, temp).AsTask().GetAwaiter().GetResult();
            File.Move(temp, path, overwrite: true);
        }

        return path;
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
