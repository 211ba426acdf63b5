using Pairing.Core.Hierarchy;
using Pairing.Core.Internals;

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
        : this(countyPairs, schoolPairs, classPairs, studentPairs, unpaired, [], summary)
    {
    }

    /// <summary>Creates a result made with a previous year's result; the lists are sorted here, so the order they come in does not matter.</summary>
    /// <param name="countyPairs">County pairs.</param>
    /// <param name="schoolPairs">School pairs.</param>
    /// <param name="classPairs">Class pairs (none in the planning phase).</param>
    /// <param name="studentPairs">Student pairs (none in the planning phase).</param>
    /// <param name="unpaired">Every Xinjiang unit left unpaired.</param>
    /// <param name="continuity">What became of each of last year's pairs (empty without a previous result).</param>
    /// <param name="summary">The figures and manifest.</param>
    public PairingResult(
        IEnumerable<CountyPair> countyPairs,
        IEnumerable<SchoolPair> schoolPairs,
        IEnumerable<ClassPair> classPairs,
        IEnumerable<StudentPair> studentPairs,
        IEnumerable<UnpairedUnit> unpaired,
        IEnumerable<ContinuityEntry> continuity,
        PairingSummary summary)
    {
        Guard.NotNull(continuity);
        Guard.NotNull(countyPairs);
        Guard.NotNull(schoolPairs);
        Guard.NotNull(classPairs);
        Guard.NotNull(studentPairs);
        Guard.NotNull(unpaired);
        Guard.NotNull(summary);
        CountyPairs = Sorted(countyPairs, static (a, b) => Compare(a.Xinjiang.Value, b.Xinjiang.Value, a.Inland.Value, b.Inland.Value));
        SchoolPairs = Sorted(schoolPairs, static (a, b) => Compare(a.Xinjiang.Value, b.Xinjiang.Value, a.Inland.Value, b.Inland.Value));
        ClassPairs = Sorted(classPairs, static (a, b) => Compare(a.Xinjiang.Value, b.Xinjiang.Value, a.Inland.Value, b.Inland.Value));
        // The matcher hands over an array of its own, sorted in place rather than copied (a national run has 900,000 pairs).
        var students = studentPairs is OwnedPairs owned ? owned.Pairs : studentPairs.ToArray();

        // A national result's pairs are sorted on a thread of their own while the unpaired rows are sorted here.
        var sorting = students.Length >= ParallelSortFrom
            ? Task.Factory.StartNew(() => SortPairs(students), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            : null;
        if (sorting is null)
        {
            SortPairs(students);
        }

        StudentPairs = students;
        Unpaired = Sorted(unpaired, static (a, b) =>
        {
            var c = Compare(LevelName(a.Level), LevelName(b.Level), a.Id, b.Id);
            c = c != 0 ? c : a.Rule.CompareTo(b.Rule);
            return c != 0 ? c : string.CompareOrdinal(a.Reason, b.Reason);
        });
        Continuity = Sorted(continuity, static (a, b) =>
        {
            var c = string.CompareOrdinal(LevelName(a.Level), LevelName(b.Level));
            c = c != 0 ? c : Compare(a.XinjiangId, b.XinjiangId, a.InlandId, b.InlandId);
            return c != 0 ? c : string.CompareOrdinal(a.Code, b.Code);
        });
        Summary = summary;
        sorting?.GetAwaiter().GetResult();
    }

    /// <summary>The student pairs from which they are sorted beside the unpaired rows.</summary>
    private const int ParallelSortFrom = 50_000;

    private static readonly Comparison<StudentPair> PairOrder = static (a, b) =>
    {
        var c = Compare(a.Xinjiang.Value, b.Xinjiang.Value, a.Inland.Value, b.Inland.Value);
        return c != 0 ? c : a.CrossClass.CompareTo(b.CrossClass);
    };

    /// <summary>
    /// Sorts pairs by <see cref="PairOrder"/>: by the Xinjiang id alone first (a key array compared ordinally, twice as
    /// fast as the whole comparison), then each run sharing a Xinjiang id (a file may repeat one) by the whole order.
    /// </summary>
    private static void SortPairs(StudentPair[] pairs)
    {
        if (InOrder(pairs, PairOrder))
        {
            return;
        }

        var keys = new string?[pairs.Length];
        for (var i = 0; i < pairs.Length; i++)
        {
            keys[i] = pairs[i].Xinjiang.Value;
        }

        Array.Sort(keys, pairs, StringComparer.Ordinal);
        var comparer = Comparer<StudentPair>.Create(PairOrder);
        for (var i = 0; i < pairs.Length;)
        {
            var j = i + 1;
            while (j < pairs.Length && string.Equals(keys[j], keys[i], StringComparison.Ordinal))
            {
                j++;
            }

            if (j - i > 1)
            {
                Array.Sort(pairs, i, j - i, comparer);
            }

            i = j;
        }
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

    /// <summary>
    /// What became of each pair of the previous year's result (<c>continuity.csv</c>), by level name, then Xinjiang id,
    /// then inland id; empty when no previous result was given (then <see cref="PairingSummary.ContinuityCounts"/> is null).
    /// </summary>
    public IReadOnlyList<ContinuityEntry> Continuity { get; }

    /// <summary>The figures and manifest.</summary>
    public PairingSummary Summary { get; }

    /// <summary>
    /// One line for logs and the debugger: the phase, the coverage, pairs and unpaired Xinjiang units per level (the
    /// summary's line, see <see cref="PairingSummary.ToString"/>).
    /// </summary>
    /// <returns>The line.</returns>
    public override string ToString() => Summary.ToString();

    // A total order (every field takes part), so the unstable sort gives one order whatever the input order; an
    // array sort is several times faster than LINQ's ordering on a million student pairs.
    /// <summary>Student pairs in an array nobody else holds, which the result may keep as its own.</summary>
    internal sealed class OwnedPairs(StudentPair[] pairs) : IEnumerable<StudentPair>
    {
        public StudentPair[] Pairs { get; } = pairs;

        public IEnumerator<StudentPair> GetEnumerator() => ((IEnumerable<StudentPair>)Pairs).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static T[] Sorted<T>(IEnumerable<T> items, Comparison<T> comparison)
    {
        var array = items.ToArray();
        if (!InOrder(array, comparison))
        {
            Array.Sort(array, comparison);
        }

        return array;
    }

    /// <summary>
    /// Whether the items are already in order (a result read back from its files is): one pass, instead of a sort's
    /// n log n comparisons. Items that compare equal keep their order then; a sort may swap them, but such rows are alike.
    /// </summary>
    private static bool InOrder<T>(T[] items, Comparison<T> comparison)
    {
        for (var i = 1; i < items.Length; i++)
        {
            if (comparison(items[i - 1], items[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }

    private static int Compare(string? a1, string? b1, string? a2, string? b2)
    {
        var c = string.CompareOrdinal(a1, b1);
        return c != 0 ? c : string.CompareOrdinal(a2, b2);
    }

    /// <summary>The name a continuity status has in the files and the summary's counts: <c>kept</c>, <c>new</c> or <c>dropped</c>.</summary>
    internal static string StatusName(ContinuityStatus status) => status switch
    {
        ContinuityStatus.Kept => "kept",
        ContinuityStatus.New => "new",
        _ => "dropped",
    };

    /// <summary>The name a level has in the files: <c>county</c>, <c>school</c>, <c>class</c> or <c>student</c>.</summary>
    /// <param name="level">The level.</param>
    public static string LevelName(PairingLevel level) => level switch
    {
        PairingLevel.County => "county",
        PairingLevel.School => "school",
        PairingLevel.Class => "class",
        PairingLevel.Student => "student",
        _ => Throw.OutOfRange<string>(nameof(level), level, "not a pairing level"),
    };
}
