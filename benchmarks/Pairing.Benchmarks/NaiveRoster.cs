using System.Globalization;
using nietras.SeparatedValues;

namespace Pairing.Benchmarks;

/// <summary>
/// The baseline of issue 27: a roster folder read the naive way with Sep 0.17.1, every id a string in a
/// <see cref="Dictionary{TKey, TValue}"/>, every reference (school to county, class to school, student to class)
/// resolved by looking its id up, numbers parsed, nothing else checked. What a competent program that trusts its input
/// costs; the library's reader, which checks everything and locates every problem, is measured against it.
/// </summary>
internal static class NaiveRoster
{
    internal sealed record County(string Id, bool Xinjiang, string Name, string Unit);

    internal sealed record School(string Id, County County, string Name);

    internal sealed record Class(string Id, School School, int Grade, int Size);

    internal sealed record Student(string Id, Class Class, char Gender, int BirthYear, string Language, string Interests);

    internal sealed record Roster(
        Dictionary<string, County> Counties,
        Dictionary<string, School> Schools,
        Dictionary<string, Class> Classes,
        Dictionary<string, Student> Students);

    public static Roster Read(string folder)
    {
        var counties = new Dictionary<string, County>(StringComparer.Ordinal);
        using (var reader = Open(folder, "counties.csv"))
        {
            foreach (var row in reader)
            {
                var id = row[0].ToString();
                counties.Add(id, new County(id, row[1].Span.SequenceEqual("xinjiang"), row[2].ToString(), row[3].ToString()));
            }
        }

        var schools = new Dictionary<string, School>(StringComparer.Ordinal);
        using (var reader = Open(folder, "schools.csv"))
        {
            foreach (var row in reader)
            {
                var id = row[0].ToString();
                schools.Add(id, new School(id, counties[row[1].ToString()], row[2].ToString()));
            }
        }

        var classes = new Dictionary<string, Class>(StringComparer.Ordinal);
        using (var reader = Open(folder, "classes.csv"))
        {
            foreach (var row in reader)
            {
                var id = row[0].ToString();
                classes.Add(id, new Class(id, schools[row[1].ToString()], Int(row[2].Span), Int(row[3].Span)));
            }
        }

        var students = new Dictionary<string, Student>(StringComparer.Ordinal);
        using (var reader = Open(folder, "students.csv"))
        {
            foreach (var row in reader)
            {
                var id = row[0].ToString();
                var gender = row[2].Span;
                students.Add(id, new Student(
                    id,
                    classes[row[1].ToString()],
                    gender.Length > 0 ? gender[0] : '?',
                    row[3].Span.Length > 0 ? Int(row[3].Span) : 0,
                    row.ColCount > 4 ? row[4].ToString() : string.Empty,
                    row.ColCount > 5 ? row[5].ToString() : string.Empty));
            }
        }

        return new Roster(counties, schools, classes, students);
    }

    private static int Int(ReadOnlySpan<char> span) => int.Parse(span, NumberStyles.None, CultureInfo.InvariantCulture);

    private static SepReader Open(string folder, string file) =>
        Sep.Reader(o => o with { HasHeader = true, DisableColCountCheck = true }).FromFile(Path.Combine(folder, file));
}
