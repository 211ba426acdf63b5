using Pairing.Core.Hierarchy;

namespace Pairing.Core.Matching.Internals;

/// <summary>
/// Student preferences as a cost: the sum of the weights of the preferences a pair does not meet. A preference
/// counts as met only when both students give what it needs (a gender, a language, a birth year, interests).
/// </summary>
internal sealed class Preferences(PairingOptions options)
{
    public PairingOptions Options => options;

    public int Total { get; } = options.SameGenderWeight + options.SharedInterestWeight + options.SameLanguageWeight + options.CloseBirthYearWeight;

    /// <summary>Whether only the gender preference is on (or none is): then pairing by gender is exactly optimal.</summary>
    public bool GenderOnly { get; } = options.SharedInterestWeight == 0 && options.SameLanguageWeight == 0 && options.CloseBirthYearWeight == 0;

    public int GenderWeight { get; } = options.SameGenderWeight;

    public static bool SameGender(Student a, Student b) => a.Gender != Gender.Unknown && a.Gender == b.Gender;

    public int Met(Student a, Student b)
    {
        var met = 0;
        if (SameGender(a, b))
        {
            met += options.SameGenderWeight;
        }

        if (options.SharedInterestWeight != 0 && ShareInterest(a, b))
        {
            met += options.SharedInterestWeight;
        }

        if (options.SameLanguageWeight != 0 && a.Language is not null && string.Equals(a.Language, b.Language, StringComparison.Ordinal))
        {
            met += options.SameLanguageWeight;
        }

        if (options.CloseBirthYearWeight != 0 && a.BirthYear is { } ya && b.BirthYear is { } yb && Math.Abs(ya - yb) <= 1)
        {
            met += options.CloseBirthYearWeight;
        }

        return met;
    }

    public int Cost(Student a, Student b) => Total - Met(a, b);

    /// <summary>
    /// The cost matrix of one sub-problem, left by right: the same numbers as <see cref="Cost"/>, computed from
    /// each student's features coded once (language and interests as small integers and bit sets), because the
    /// student level prices about 45 × 45 pairs per class pair, a hundred million at national scale.
    /// </summary>
    public long[] CostMatrix(Student[] students, List<int> left, List<int> right)
    {
        var cost = new long[left.Count * right.Count];
        var languages = new Dictionary<string, int>(StringComparer.Ordinal);
        var interests = new Dictionary<string, int>(StringComparer.Ordinal);
        var fits = true;
        (int Gender, int Language, ulong Interests, int Year) Code(Student s)
        {
            var language = s.Language is null ? -1 : Id(languages, s.Language);
            ulong set = 0;
            foreach (var interest in s.Interests)
            {
                var bit = Id(interests, interest);
                if (bit >= 64)
                {
                    fits = false;
                    break;
                }

                set |= 1UL << bit;
            }

            return ((int)s.Gender, language, set, s.BirthYear ?? int.MinValue);
        }

        var l = left.ConvertAll(i => Code(students[i]));
        var r = right.ConvertAll(i => Code(students[i]));
        for (var i = 0; i < l.Count; i++)
        {
            for (var j = 0; j < r.Count; j++)
            {
                if (!fits)
                {
                    cost[(i * r.Count) + j] = Cost(students[left[i]], students[right[j]]);
                    continue;
                }

                var (a, b) = (l[i], r[j]);
                var met = 0;
                met += a.Gender != 0 && a.Gender == b.Gender ? options.SameGenderWeight : 0;
                met += (a.Interests & b.Interests) != 0 ? options.SharedInterestWeight : 0;
                met += a.Language >= 0 && a.Language == b.Language ? options.SameLanguageWeight : 0;
                met += a.Year != int.MinValue && b.Year != int.MinValue && Math.Abs(a.Year - b.Year) <= 1 ? options.CloseBirthYearWeight : 0;
                cost[(i * r.Count) + j] = Total - met;
            }
        }

        return cost;

        static int Id(Dictionary<string, int> ids, string value)
        {
            if (!ids.TryGetValue(value, out var id))
            {
                id = ids.Count;
                ids[value] = id;
            }

            return id;
        }
    }

    private static bool ShareInterest(Student a, Student b)
    {
        foreach (var i in a.Interests)
        {
            foreach (var j in b.Interests)
            {
                if (string.Equals(i, j, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
