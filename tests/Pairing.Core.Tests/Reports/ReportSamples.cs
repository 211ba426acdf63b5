using Pairing.Core.Activities;
using Pairing.Core.Generation;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;

namespace Pairing.Core.Tests.Reports;

/// <summary>
/// One generated programme shared by the report tests: a roster of 2,000 Xinjiang students, its plan and its
/// pairing, and a year of generated activities (with the generator's deliberate violations: a camp of 30, a camp in
/// term time) checked as of 30 June 2015 and, for the "over time" chart, as of 31 January 2015.
/// </summary>
public sealed class ReportSamples
{
    public ReportSamples()
    {
        Roster = RosterGenerator.Generate(new RosterGeneratorOptions { XinjiangStudents = 2000, Seed = 11 });
        var matcher = new PairingMatcher();
        Plan = matcher.Plan(Roster);
        Result = matcher.Match(Roster, plan: Plan);
        var records = ActivityLogGenerator.Generate(Roster, Result, new ActivityLogGeneratorOptions { Seed = 3, DeliberateViolations = true });
        Compliance = ActivityValidator.Validate(Roster, Result, records, new DateOnly(2015, 6, 30));
        EarlyCompliance = ActivityValidator.Validate(Roster, Result, records, new DateOnly(2015, 1, 31));
    }

    public Roster Roster { get; }

    public PairingResult Plan { get; }

    public PairingResult Result { get; }

    public ComplianceReport Compliance { get; }

    public ComplianceReport EarlyCompliance { get; }
}
