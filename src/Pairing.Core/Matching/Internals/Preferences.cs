using Pairing.Core.Hierarchy;

namespace Pairing.Core.Matching.Internals;

/// <summary>
/// Student preferences as a cost: the sum of the weights of the preferences a pair does not meet. A preference
/// counts as met only when both students give what it needs (a gender, a language, a birth year, interests).
/// </summary>
internal sealed class Preferences(PairingOptions options)
{
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
