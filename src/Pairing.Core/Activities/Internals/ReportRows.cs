using Pairing.Core.Activities.Internals.Rules;
using Pairing.Core.Matching;
using Pairing.Core.Activities;
using Pairing.Core.Internals;

namespace Pairing.Core.Activities.Internals;

/// <summary>The report's rows in their one order: by rule, level name, subject id (ordinal), then status, code and unit.</summary>
internal static class ReportRows
{
    private static readonly ActivityRule[] Order =
        [ActivityRule.A1, ActivityRule.A2, ActivityRule.A3, ActivityRule.A4, ActivityRule.A5, ActivityRule.A6, ActivityRule.S2, ActivityRule.S3, ActivityRule.S4];

    /// <summary>
    /// A level's place in the order: the ordinal order of the names compliance.csv gives the levels (county_pair, pair,
    /// province, record, school_pair), which ComplianceReportFilesTests pin.
    /// </summary>
    internal static int LevelRank(ComplianceLevel level) => level switch
    {
        ComplianceLevel.CountyPair => 0,
        ComplianceLevel.Pair => 1,
        ComplianceLevel.Province => 2,
        ComplianceLevel.Record => 3,
        ComplianceLevel.SchoolPair => 4,
        _ => Throw.OutOfRange<int>(nameof(level), level, "not a compliance level"),
    };

    public static ReportRow[] Compose(List<ReportRow> small, PairingResult result, PairRule[] pairRules)
    {
        small.Sort(static (a, b) =>
        {
            var c = a.Rule.CompareTo(b.Rule);
            if (c == 0)
            {
                c = LevelRank(a.Level).CompareTo(LevelRank(b.Level));
            }

            if (c == 0)
            {
                c = string.CompareOrdinal(a.Subject, b.Subject);
            }

            if (c == 0)
            {
                c = a.Status.CompareTo(b.Status);
            }

            if (c == 0)
            {
                c = string.CompareOrdinal(a.Finding!.Code, b.Finding!.Code);
            }

            return c != 0 ? c : string.CompareOrdinal(a.Unit, b.Unit);
        });

        // Student-pair rows (A1–A3): one order of the pairs by subject, shared by the three rules, placed where the
        // level name "pair" sorts among the rule's other rows.
        var order = PairOrder(result, out var subjects);
        var rows = new ReportRow[small.Count + (pairRules.Length * order.Length)];
        var at = 0;
        var next = 0;
        foreach (var rule in Order)
        {
            while (next < small.Count && small[next].Rule == rule && LevelRank(small[next].Level) < LevelRank(ComplianceLevel.Pair))
            {
                rows[at++] = small[next++];
            }

            if (Array.Find(pairRules, r => r.Rule == rule) is { } pairRule)
            {
                foreach (var pair in order)
                {
                    rows[at++] = new ReportRow(rule, ComplianceLevel.Pair, pairRule.Status(pair), subjects[pair], subjects[pair], null, pair);
                }
            }

            while (next < small.Count && small[next].Rule == rule)
            {
                rows[at++] = small[next++];
            }
        }

        return rows;
    }

    /// <summary>The student pairs in the order of their subjects (<c>X|N</c>, ordinal), and the subjects.</summary>
    private static int[] PairOrder(PairingResult result, out string[] subjects)
    {
        var pairs = result.StudentPairs;
        subjects = new string[pairs.Count];
        var order = new int[pairs.Count];
        var sorted = true;
        for (var i = 0; i < pairs.Count; i++)
        {
            subjects[i] = string.Concat(pairs[i].Xinjiang.Value, "|", pairs[i].Inland.Value);
            order[i] = i;
            sorted &= i == 0 || string.CompareOrdinal(subjects[i - 1], subjects[i]) <= 0;
        }

        if (!sorted)
        {
            // Ties (the same pair twice) keep the result's own order, which does not depend on the records.
            var keys = subjects;
            Array.Sort(order, (a, b) =>
            {
                var c = string.CompareOrdinal(keys[a], keys[b]);
                return c != 0 ? c : a.CompareTo(b);
            });
        }

        return order;
    }
}
