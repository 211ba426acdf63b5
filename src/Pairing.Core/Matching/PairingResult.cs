namespace Pairing.Core.Matching;

/// <summary>
/// What a pairing run gives: the pairs at each level, every Xinjiang unit left unpaired with its reason, and the
/// summary. Immutable; the lists are sorted as the result files are (by Xinjiang id, ordinal).
/// </summary>
public sealed class PairingResult
{
    /// <summary>Creates a result; the lists are sorted here, so the order they come in does not matter.</summary>
    /// <param name="countyPairs">County pairs.</param>
    /// <param name="schoolPairs">School pairs.</param>
    /// <param name="classPairs">Class pairs (none in the planning phase).</param>
    /// <param name="studentPairs">Student pairs (none in the planning phase).</param>
    /// <param name="unpaired">Every Xinjiang unit left unpaired.</param>
    /// <param name="summary">The figures and manifest.</param>
    public PairingResult(
        IEnumerable<CountyPair> countyPairs,
        IEnumerable<SchoolPair> schoolPairs,
        IEnumerable<ClassPair> classPairs,
        IEnumerable<StudentPair> studentPairs,
        IEnumerable<UnpairedUnit> unpaired,
        PairingSummary summary)
    {
        ArgumentNullException.ThrowIfNull(countyPairs);
        ArgumentNullException.ThrowIfNull(schoolPairs);
        ArgumentNullException.ThrowIfNull(classPairs);
        ArgumentNullException.ThrowIfNull(studentPairs);
        ArgumentNullException.ThrowIfNull(unpaired);
        ArgumentNullException.ThrowIfNull(summary);
        CountyPairs = [.. countyPairs.OrderBy(p => p.Xinjiang.Value, StringComparer.Ordinal).ThenBy(p => p.Inland.Value, StringComparer.Ordinal)];
        SchoolPairs = [.. schoolPairs.OrderBy(p => p.Xinjiang.Value, StringComparer.Ordinal).ThenBy(p => p.Inland.Value, StringComparer.Ordinal)];
        ClassPairs = [.. classPairs.OrderBy(p => p.Xinjiang.Value, StringComparer.Ordinal).ThenBy(p => p.Inland.Value, StringComparer.Ordinal)];
        StudentPairs = [.. studentPairs.OrderBy(p => p.Xinjiang.Value, StringComparer.Ordinal).ThenBy(p => p.Inland.Value, StringComparer.Ordinal)];
        Unpaired = [.. unpaired.OrderBy(u => LevelName(u.Level), StringComparer.Ordinal).ThenBy(u => u.Id, StringComparer.Ordinal)];
        Summary = summary;
    }

    /// <summary>Which phase produced the result.</summary>
    public PairingPhase Phase => Summary.Phase;

    /// <summary>County pairs, by Xinjiang county id.</summary>
    public IReadOnlyList<CountyPair> CountyPairs { get; }

    /// <summary>School pairs, by Xinjiang school id.</summary>
    public IReadOnlyList<SchoolPair> SchoolPairs { get; }

    /// <summary>Class pairs, by Xinjiang class id; empty in the planning phase.</summary>
    public IReadOnlyList<ClassPair> ClassPairs { get; }

    /// <summary>Student pairs, by Xinjiang student id; empty in the planning phase.</summary>
    public IReadOnlyList<StudentPair> StudentPairs { get; }

    /// <summary>Every Xinjiang unit left unpaired, by level name (<c>class</c>, <c>county</c>, <c>school</c>, <c>student</c>), then id.</summary>
    public IReadOnlyList<UnpairedUnit> Unpaired { get; }

    /// <summary>The figures and manifest.</summary>
    public PairingSummary Summary { get; }

    /// <summary>The name a level has in the files: <c>county</c>, <c>school</c>, <c>class</c> or <c>student</c>.</summary>
    /// <param name="level">The level.</param>
    public static string LevelName(PairingLevel level) => level switch
    {
        PairingLevel.County => "county",
        PairingLevel.School => "school",
        PairingLevel.Class => "class",
        PairingLevel.Student => "student",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "not a pairing level"),
    };
}
