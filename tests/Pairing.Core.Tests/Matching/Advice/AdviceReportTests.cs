using Pairing.Core.Matching;
using Pairing.Core.Reports;
using Pairing.Core.Tests.Reports;

namespace Pairing.Core.Tests.Matching.Advice;

/// <summary>The report's section "what full coverage would take": there when students are left uncovered, per province.</summary>
public sealed class AdviceReportTests
{
    [Fact]
    public void The_report_says_per_province_what_full_coverage_would_take()
    {
        var roster = AdviceYardstickTests.NoInlandCounty(true);
        var doc = PairingReportTests.Parse(PairingReport.Render(roster, new PairingMatcher().Match(roster)));

        var section = doc.Descendants("section").Single(e => e.Attribute("id")?.Value == "full-coverage");
        Assert.Contains("要覆盖其余 65 名学生", section.Value, StringComparison.Ordinal);
        Assert.Contains("to cover the other 65 students: 1 new county, 1 new school, 2 classes with 65 students", section.Value, StringComparison.Ordinal);
        var row = Assert.Single(section.Descendants("tr"), e => e.Attribute("data-province") is not null);
        Assert.Equal("110000", row.Attribute("data-province")!.Value);
        Assert.Equal(["1", "1", "2", "65", "65", "0"], row.Elements("td").Select(e => e.Value));
    }

    [Fact]
    public void A_fully_covered_result_has_no_such_section()
    {
        var roster = AdviceYardstickTests.Covered(true);
        var doc = PairingReportTests.Parse(PairingReport.Render(roster, new PairingMatcher().Match(roster)));
        Assert.DoesNotContain(doc.Descendants("section"), e => e.Attribute("id")?.Value == "full-coverage");
    }
}
