using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Activities;

namespace Pairing.Core.Activities.Internals.Rules;

/// <summary>
/// Puts each record between students (letters, chats, books, deeds) on its pair: the hierarchy the three ones (A1–A3)
/// rest on. A record from or to a student outside the roster or without a partner, between students who are not
/// partners, or dated before the pair existed, breaks the rule of its kind and is not counted.
/// </summary>
internal sealed class StudentRecords(ActivityIndex index)
{
    /// <summary>
    /// The sender's slot of every student record that goes between partners (or has no receiver), -1 for any other.
    /// Looking ids up is most of the cost of a run and reads shared data only, so it is spread over the cores in fixed
    /// slices; each slice writes only its own part of the array, so the result does not depend on timing.
    /// </summary>
    public int[] ResolvePartners()
    {
        var records = index.Records;
        var slotOf = new int[records.Count];
        const int Slice = 1 << 16;
        var slices = (records.Count + Slice - 1) / Slice;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, slices, options, slice =>
        {
            var end = Math.Min(records.Count, (slice + 1) * Slice);
            for (var i = slice * Slice; i < end; i++)
            {
                var r = records[i];
                var slot = -1;
                if (!IsUnitRecord(r.Kind)
                    && index.Slots.TryGetValue(r.FromId!, out var s)
                    && (r.ToId is null || string.Equals(r.ToId, index.SlotIds[s ^ 1], StringComparison.Ordinal)))
                {
                    slot = s;
                }

                slotOf[i] = slot;
            }
        });
        return slotOf;
    }

    public static bool IsUnitRecord(ActivityKind kind) => kind is ActivityKind.SchoolExchange or ActivityKind.Camp or ActivityKind.FamilyEvent;

    /// <summary>The sender's slot of a student record, or -1 with the reason recorded when it is not between partners of an existing pair.</summary>
    public int Place(int record, ActivityRecord r, int resolved)
    {
        int s, to;
        if (resolved >= 0)
        {
            (s, to) = (resolved, resolved ^ 1);
        }
        else
        {
            // The rare record that does not go between partners: resolve it again, this time saying why.
            s = Resolve(record, r.FromId!);
            to = r.ToId is null ? -2
                : s >= 0 && string.Equals(r.ToId, index.SlotIds[s ^ 1], StringComparison.Ordinal) ? s ^ 1
                : Resolve(record, r.ToId);
        }

        if (s < 0 || to == -1)
        {
            return -1;
        }

        if (to >= 0 && to != (s ^ 1))
        {
            index.Violate(record, ComplianceFindings.NotPartners, r.FromId!, FindingArgument.Of("unit", r.FromId!));
            return -1;
        }

        if (r.Date.DayNumber < index.PairExists[s >> 1])
        {
            index.Violate(record, ComplianceFindings.RecordBeforePair, r.FromId!);
            return -1;
        }

        return s;
    }

    private int Resolve(int record, string id)
    {
        if (index.Slots.TryGetValue(id, out var slot))
        {
            return slot;
        }

        var code = index.Roster.TryGetStudent(new StudentId(id), out _) ? ComplianceFindings.StudentInNoPair : ComplianceFindings.StudentNotInRoster;
        index.Violate(record, code, id, FindingArgument.Of("unit", id));
        return -1;
    }
}
