using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;

namespace Pairing.Core.Tests.Matching;

/// <summary>
/// "Why is this unit unpaired?" (issue 22, item 14): one unit's pairing as findings: its partner, or the chain of
/// unpaired rows up to the root cause, what became of last year's pairs, and the nearest ids for an unknown one.
/// </summary>
public sealed class PairingExplainerTests
{
    private static readonly PairingMatcher Matcher = new();

    /// <summary>X1 pairs with N1; X2's aided area is supported by Tianjin, which has no county here (P1).</summary>
    private static Roster Roster() => new TestRoster()
        .XinjiangCounty("X1").InlandCounty("N1")
        .School("XS", "X1").Class("XS7", "XS", 7, 4)
        .School("NS", "N1").Class("NS7", "NS", 7, 5)
        .XinjiangCounty("X2", TestRoster.TianjinArea)
        .School("YS", "X2").Class("YS7", "YS", 7, 3)
        .Build();

    [Fact]
    public void A_paired_student_is_explained_with_its_partner()
    {
        var roster = Roster();
        var result = Matcher.Match(roster);
        var student = roster.StudentsIn(new ClassId("XS7"))[0].Id.Value;

        var explanation = PairingExplainer.Explain(result, student);

        Assert.True(explanation.IsFound);
        Assert.True(explanation.IsPaired);
        Assert.Equal(PairingLevel.Student, explanation.Level);
        Assert.Equal(Side.Xinjiang, explanation.Side);
        var partner = Assert.Single(explanation.Partners);
        Assert.Equal(result.StudentPairs.Single(p => p.Xinjiang.Value == student).Inland.Value, partner);
        var finding = Assert.Single(explanation.Findings);
        Assert.Equal("EXP001", finding.Code);
        Assert.Equal(new FindingSubject("student", student), finding.Subject);
        Assert.Equal($"已与内地学生 {partner} 结对", FindingRenderer.Default.Render(finding, FindingLanguage.Chinese));
        Assert.Equal($"paired with inland student {partner}", FindingRenderer.Default.Render(finding, FindingLanguage.English));
    }

    [Fact]
    public void An_unpaired_student_is_explained_up_to_its_county_with_the_roster()
    {
        var roster = Roster();
        var result = Matcher.Match(roster);
        var student = roster.StudentsIn(new ClassId("YS7"))[0].Id.Value;

        var explanation = PairingExplainer.Explain(result, student, roster);

        Assert.False(explanation.IsPaired);
        Assert.Empty(explanation.Partners);
        Assert.Equal(
            [("student", student, "UNP032"), ("class", "YS7", "UNP022"), ("school", "YS", "UNP011"), ("county", "X2", "UNP001")],
            explanation.Findings.Select(f => (f.Subject!.Value.Level, f.Subject.Value.Id, f.Code)));
        // The root cause carries its numbers: Tianjin has no county in the roster, one is needed.
        var root = explanation.Findings[^1];
        Assert.Equal(TestRoster.Tianjin, root["inland"]);
        Assert.Equal(0, root["available"]);
        Assert.Equal(1, root["needed"]);
        Assert.Same(result.Unpaired.Single(u => u.Id == "X2").Finding, root);
    }

    [Fact]
    public void Without_the_roster_the_chain_stops_where_the_result_does_and_says_so()
    {
        var roster = Roster();
        var result = Matcher.Match(roster);
        var student = roster.StudentsIn(new ClassId("YS7"))[0].Id.Value;

        var explanation = PairingExplainer.Explain(result, student);

        Assert.Equal(["UNP032", "EXP005"], explanation.Findings.Select(f => f.Code));
        Assert.Equal(PairingLevel.School, explanation.Findings[1]["above"]);
        Assert.Equal("仅凭结对结果无法得知其所在学校；提供名册后可继续向上追溯原因", FindingRenderer.Default.Render(explanation.Findings[1], FindingLanguage.Chinese));

        // A school's county is not in the result either; a county's row is its root cause.
        Assert.Equal(["UNP011", "EXP005"], PairingExplainer.Explain(result, "YS").Findings.Select(f => f.Code));
        Assert.Equal(["UNP001"], PairingExplainer.Explain(result, "X2").Findings.Select(f => f.Code));
    }

    [Fact]
    public void An_inland_unit_is_explained_with_every_Xinjiang_partner_or_as_left_over()
    {
        var roster = new TestRoster()
            .XinjiangCounty("X1").InlandCounty("N1").InlandCounty("N2")
            .School("XS", "X1").Class("XS7", "XS", 7, 4)
            .School("NS", "N1").Class("NS7", "NS", 7, 5)
            .School("MS", "N2").Class("MS7", "MS", 7, 2)
            .Build();
        var result = Matcher.Match(roster);

        var paired = PairingExplainer.Explain(result, "NS");
        Assert.Equal(Side.Inland, paired.Side);
        Assert.Equal(["XS"], paired.Partners);
        Assert.Equal("an inland school, paired with Xinjiang school XS", FindingRenderer.Default.Render(Assert.Single(paired.Findings), FindingLanguage.English));

        // An inland school without a partner is in no pair: only the roster knows it.
        Assert.False(PairingExplainer.Explain(result, "MS").IsFound);
        var leftOver = PairingExplainer.Explain(result, "MS", roster);
        Assert.False(leftOver.IsPaired);
        Assert.Equal("EXP004", Assert.Single(leftOver.Findings).Code);
    }

    [Fact]
    public void A_class_of_a_plan_is_explained_by_its_school_pair()
    {
        var roster = Roster();
        var plan = Matcher.Plan(roster);

        var explanation = PairingExplainer.Explain(plan, "XS7", roster);

        Assert.False(explanation.IsPaired);
        Assert.Equal([("class", "XS7", "EXP007"), ("school", "XS", "EXP001")], explanation.Findings.Select(f => (f.Subject!.Value.Level, f.Subject.Value.Id, f.Code)));
    }

    [Fact]
    public void What_became_of_last_year_s_pair_is_said_from_continuity()
    {
        // As in ContinuityTests: NS1 has shrunk below XS, so last year's X1–N1 cannot stand and X1 pairs with N2.
        var roster = new TestRoster()
            .XinjiangCounty("X1").InlandCounty("N1").InlandCounty("N2")
            .School("XS", "X1").Class("XS7", "XS", 7, 30)
            .School("NS1", "N1").Class("NS1a", "NS1", 7, 20)
            .School("NS2", "N2").Class("NS2a", "NS2", 7, 35)
            .Build();
        var result = Matcher.Match(roster, previous: ContinuityTests.Previous(roster, [("X1", "N1")], [("XS", "NS1")]), options: new PairingOptions { StrictP4 = true });

        var county = PairingExplainer.Explain(result, "X1");

        Assert.True(county.IsPaired);
        Assert.Equal(["EXP001", "EXP009"], county.Findings.Select(f => f.Code));
        Assert.Equal("N2", county.Findings[0]["partner"]);
        var dropped = county.Findings[1];
        Assert.Equal("CON004", dropped["code"]);
        Assert.Equal(result.Continuity.First(e => e.Status != ContinuityStatus.New).Reason, dropped["reason"]);
        Assert.StartsWith("last year's county pair X1–N1 is not made this year (CON004): ", FindingRenderer.Default.Render(dropped, FindingLanguage.English), StringComparison.Ordinal);
        Assert.StartsWith("去年的县结对 X1–N1 今年未保留（CON004）：", FindingRenderer.Default.Render(dropped, FindingLanguage.Chinese), StringComparison.Ordinal);

        // The inland county of last year, no longer paired, is known from continuity.csv alone.
        var gone = PairingExplainer.Explain(result, "N1");
        Assert.Equal(Side.Inland, gone.Side);
        Assert.Equal(["EXP010", "EXP009"], gone.Findings.Select(f => f.Code));
    }

    [Fact]
    public void An_unknown_id_gives_the_five_nearest_ids_nearest_first_then_in_ordinal_order()
    {
        var roster = Roster();
        var result = Matcher.Match(roster);

        var explanation = PairingExplainer.Explain(result, "XS8", roster);

        Assert.False(explanation.IsFound);
        Assert.Null(explanation.Level);
        // XS and XS7 are one edit away, NS, NS7, X1, X2, YS and YS7 two; five are given.
        Assert.Equal(["XS", "XS7", "NS", "NS7", "X1"], explanation.NearestIds);
        var finding = Assert.Single(explanation.Findings);
        Assert.Equal("EXP011", finding.Code);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal(string.Join(", ", explanation.NearestIds), finding["nearest"]);
        Assert.Equal(explanation.NearestIds, PairingExplainer.Explain(result, "XS8", roster).NearestIds);

        var far = PairingExplainer.Explain(result, "completely-different-id");
        Assert.Equal(["EXP012", "EXP013"], far.Findings.Select(f => f.Code));
        Assert.Empty(far.NearestIds);
        Assert.False(PairingExplainer.Explain(result, " X1").IsFound);
    }

    [Fact]
    public void Null_arguments_are_programmer_errors()
    {
        var result = Matcher.Match(Roster());
        Assert.Throws<ArgumentNullException>(() => PairingExplainer.Explain(null!, "X1"));
        Assert.Throws<ArgumentNullException>(() => PairingExplainer.Explain(result, null!));
    }
}
