using System.Collections.Immutable;
using System.Globalization;
using Pairing.Core.Hierarchy;
using Pairing.Core.Reference;

namespace Pairing.Core.Generation;

/// <summary>
/// Makes pseudonymous students: an id that is a county code and a sequence number (never a name or anything shaped
/// like an ID-card number), a gender, a birth year fitting the grade, a language and a few interest tags.
/// </summary>
internal static class StudentFactory
{
    /// <summary>The school year the generated roster describes (the programme started in September 2014).</summary>
    public const int SchoolYear = 2014;

    /// <summary>The interest tags students draw from; 0 to 3 each.</summary>
    public static readonly ImmutableArray<string> InterestTags =
    [
        "reading", "writing", "football", "basketball", "table-tennis", "running",
        "music", "dance", "painting", "calligraphy", "chess", "science",
    ];

    // Every set of at most three tags, indexed by its bit mask, shared by all students who have it.
    private static readonly ImmutableArray<string>[] TagSets = BuildTagSets();

    /// <summary>Languages and their weights (per thousand) for a county of either side: inland, Chinese.</summary>
    public static (string Language, int PerMille)[] LanguagesOf(County county, SupportMap map) =>
        county.Side == Side.Inland
            ? [("zh", 1000)]
            : LanguagesOf(county.Id, map.TryGetArea(new AreaId(county.Unit), out var area) && area.Kind == AidedAreaKind.Xpcc);

    /// <summary>Languages and their weights (per thousand) for a Xinjiang county, by where it is.</summary>
    public static (string Language, int PerMille)[] LanguagesOf(CountyId county, bool xpcc)
    {
        if (xpcc)
        {
            return [("zh", 850), ("ug", 100), ("kk", 50)];
        }

        var prefecture = county.Value.Length >= 4 ? county.Value[..4] : county.Value;
        return prefecture switch
        {
            // 克孜勒苏: Kyrgyz as well as Uyghur.
            "6530" => [("ug", 700), ("ky", 250), ("zh", 50)],

            // 喀什, 和田: overwhelmingly Uyghur.
            "6531" or "6532" => [("ug", 920), ("zh", 70), ("tg", 10)],

            // 伊犁, 塔城, 阿勒泰: Kazakh areas.
            "6540" or "6542" or "6543" => [("kk", 420), ("zh", 380), ("ug", 200)],

            // 昌吉, 哈密, 博尔塔拉, 吐鲁番 and the rest of the north and east.
            "6523" or "6522" or "6527" or "6521" => [("zh", 600), ("ug", 250), ("kk", 150)],
            _ => [("ug", 620), ("zh", 330), ("kk", 50)],
        };
    }

    /// <summary>
    /// Fills <paramref name="into"/> with a county's students, class by class, numbered from 1 in that order so
    /// that ids sort in generation order.
    /// </summary>
    public static void Make(
        Span<Student> into,
        string idPrefix,
        ReadOnlySpan<(ClassId Id, int Grade, int Size)> classes,
        (string Language, int PerMille)[] languages,
        ref GeneratorRandom random)
    {
        var width = Math.Max(6, into.Length.ToString(CultureInfo.InvariantCulture).Length);
        var format = "D" + width.ToString(CultureInfo.InvariantCulture);
        var next = 0;
        foreach (var (classId, grade, size) in classes)
        {
            for (var k = 0; k < size; k++)
            {
                var sequence = next + 1;
                var id = string.Create(idPrefix.Length + 1 + width, (idPrefix, sequence, format), static (span, state) =>
                {
                    state.idPrefix.AsSpan().CopyTo(span);
                    span[state.idPrefix.Length] = '-';
                    state.sequence.TryFormat(span[(state.idPrefix.Length + 1)..], out _, state.format, CultureInfo.InvariantCulture);
                });

                into[next++] = Make(new StudentId(id), classId, grade, SchoolYear, languages, ref random);
            }
        }
    }

    /// <summary>
    /// Makes one student of <paramref name="grade"/> in the school year that starts in September of
    /// <paramref name="schoolYear"/>: a gender, a birth year fitting the grade, a language and a few interests.
    /// </summary>
    public static Student Make(
        StudentId id, ClassId classId, int grade, int schoolYear, (string Language, int PerMille)[] languages, ref GeneratorRandom random)
    {
        // Born September (Y−1) to August Y for grade 7 in 2014 with Y = 2002: about a third in the earlier year.
        var youngest = schoolYear - grade - 5;
        var g = random.Next(1000);
        var gender = g < 10 ? Gender.Unknown : g < 505 ? Gender.Female : Gender.Male;

        int? birthYear = youngest;
        var b = random.Next(1000);
        if (b < 5)
        {
            birthYear = null;
        }
        else if (b < 35)
        {
            birthYear = youngest - 2; // started late or repeated a year
        }
        else if (b < 355)
        {
            birthYear = youngest - 1;
        }

        return new Student(id, classId, gender, birthYear, Pick(languages, ref random), Interests(ref random));
    }

    private static string Pick((string Language, int PerMille)[] languages, ref GeneratorRandom random)
    {
        var r = random.Next(1000);
        foreach (var (language, perMille) in languages)
        {
            if (r < perMille)
            {
                return language;
            }

            r -= perMille;
        }

        return languages[0].Language;
    }

    private static ImmutableArray<string> Interests(ref GeneratorRandom random)
    {
        var r = random.Next(100);
        var count = r < 20 ? 0 : r < 55 ? 1 : r < 85 ? 2 : 3;
        var mask = 0;
        while (count > 0)
        {
            var bit = 1 << random.Next(InterestTags.Length);
            if ((mask & bit) == 0)
            {
                mask |= bit;
                count--;
            }
        }

        return TagSets[mask];
    }

    private static ImmutableArray<string>[] BuildTagSets()
    {
        var sets = new ImmutableArray<string>[1 << InterestTags.Length];
        for (var mask = 0; mask < sets.Length; mask++)
        {
            if (int.PopCount(mask) <= 3)
            {
                sets[mask] = [.. InterestTags.Where((_, i) => (mask & (1 << i)) != 0)];
            }
        }

        return sets;
    }
}
