using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Internals;

namespace Pairing.Core.Matching;

/// <summary>
/// A Xinjiang county, school, class or student left without a partner, with the rule that could not be met and the
/// shortfall in numbers, as data: one row of <c>unpaired.csv</c> (P7). <see cref="Reason"/> is only a rendering of
/// <see cref="Finding"/>.
/// </summary>
/// <param name="Level">The unit's level.</param>
/// <param name="Id">The unit's id, as it stands in the roster.</param>
/// <param name="Finding">
/// Why: an <see cref="UnpairedFindings"/> code with its numbers (the inland unit whose shortfall it is, the grade, what
/// it has and what is needed).
/// </param>
/// <remarks>Equality is by value; results sort rows by <paramref name="Level"/>'s file name, then by <paramref name="Id"/> (ordinal).</remarks>
public sealed record UnpairedUnit(PairingLevel Level, string Id, Finding Finding)
{
    /// <summary>The rule (P1–P6) that could not be met for it: the finding's rule.</summary>
    public PairingRule Rule => Enum.Parse<PairingRule>(Finding.Descriptor.Rule ?? "P7");

    /// <summary>The stable code, such as <c>UNP021</c> (an inland grade with too few classes).</summary>
    public string Code => Finding.Code;

    /// <summary>The inland unit (supporting province, county or school) whose shortfall it is, or null when none is.</summary>
    public string? InlandId => Finding.TryGetArgument<string>("inland", out var id) ? id : null;

    /// <summary>The grade, when the shortfall is in one grade.</summary>
    public Grade? Grade => Finding.TryGetArgument<Grade>("grade", out var grade) ? grade : null;

    /// <summary>What <see cref="Available"/> and <see cref="Needed"/> count: <c>counties</c>, <c>schools</c>, <c>classes</c> or <c>students</c>; null without numbers.</summary>
    public string? Counted => UnpairedFindings.CountedBy(Finding.Descriptor);

    /// <summary>What the inland unit has (free), or null when the unit is unpaired only because the unit above it is.</summary>
    public int? Available => Finding.TryGetArgument<int>("available", out var n) ? n : null;

    /// <summary>What the Xinjiang unit needs (more than <see cref="Available"/>), or null when there are no numbers.</summary>
    public int? Needed => Finding.TryGetArgument<int>("needed", out var n) ? n : null;

    /// <summary>Why, in words, in the current UI culture's language.</summary>
    public string Reason => FindingRenderer.Default.Render(Finding);

    /// <summary>Creates the row for a finding of an <see cref="UnpairedFindings"/> code, with its subject set.</summary>
    /// <param name="level">The unit's level.</param>
    /// <param name="id">The unit's id.</param>
    /// <param name="descriptor">The code.</param>
    /// <param name="arguments">The code's arguments.</param>
    /// <returns>The row.</returns>
    /// <exception cref="ArgumentException">The arguments are not exactly the code's.</exception>
    public static UnpairedUnit Of(PairingLevel level, string id, FindingDescriptor descriptor, params FindingArgument[] arguments)
    {
        Guard.NotNull(descriptor);
        return new(level, id, descriptor.Create(new FindingSubject(PairingResult.LevelName(level), id), null, arguments));
    }

    /// <summary>The row for another unit left unpaired for the same reason as <paramref name="like"/>, its finding's arguments shared.</summary>
    internal static UnpairedUnit Like(UnpairedUnit like, PairingLevel level, string id) =>
        new(level, id, like.Finding.About(new FindingSubject(PairingResult.LevelName(level), id)));
}
