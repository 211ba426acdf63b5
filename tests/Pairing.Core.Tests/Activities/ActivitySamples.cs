using Pairing.Core.Activities;
using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;
using Pairing.Core.Rosters;

namespace Pairing.Core.Tests.Activities;

/// <summary>
/// A small hand-made programme: Xinjiang county 653128 (岳普湖县, supported by Shandong 370000) paired with inland
/// county 379001; schools XS1|NS1 and XS2|NS2; students X1|N1, X2|N2, X3|N3; X9 and N9 unpaired. The programme year
/// checked is 2014-07-01 to 2015-06-30 (as of 2015-06-30).
/// </summary>
internal static class ActivitySamples
{
    public const string Province = "370000";
    public const string XinjiangCounty = "653128";
    public const string InlandCounty = "379001";
    public static readonly DateOnly AsOf = new(2015, 6, 30);

    public static Roster Roster { get; } = BuildRoster();

    public static PairingResult Result { get; } = Pairing(
        [new CountyPair(new CountyId(XinjiangCounty), new CountyId(InlandCounty))],
        [new SchoolPair(new SchoolId("XS1"), new SchoolId("NS1")), new SchoolPair(new SchoolId("XS2"), new SchoolId("NS2"))],
        [new ClassPair(new ClassId("XC1"), new ClassId("NC1")), new ClassPair(new ClassId("XC2"), new ClassId("NC2"))],
        [Pair("X1", "N1"), Pair("X2", "N2"), Pair("X3", "N3")]);

    public static StudentPair Pair(string x, string n) => new(new StudentId(x), new StudentId(n), false);

    public static PairingResult Pairing(IEnumerable<CountyPair> counties, IEnumerable<SchoolPair> schools, IEnumerable<ClassPair> classes, IEnumerable<StudentPair> students)
    {
        var summary = new PairingSummary
        {
            Phase = PairingPhase.Roster,
            Counties = new LevelFigures(1, 0, 0, 0),
            Schools = new LevelFigures(2, 0, 0, 0),
            XinjiangStudents = 4,
            CoveredStudents = 3,
            InputHash = "sha256:" + new string('0', 64),
            LibraryVersion = "test",
            OrToolsVersion = "test",
            Options = new PairingOptionsSnapshot(),
        };
        return new PairingResult(counties, schools, classes, students, [], summary);
    }

    public static ComplianceReport Validate(
        IEnumerable<ActivityRecord> records,
        ActivityValidationOptions? options = null,
        IEnumerable<PlanDates>? plans = null,
        HolidayCalendar? holidays = null,
        DateOnly? asOf = null) =>
        ActivityValidator.Validate(Roster, Result, records, asOf ?? AsOf, holidays, options, plans);

    private static int _next;

    private static ActivityId NextId() => new($"auto{Interlocked.Increment(ref _next)}");

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static ActivityRecord Letter(string date, string from, string to, string? id = null) =>
        new(id is null ? NextId() : new ActivityId(id), ActivityKind.Letter, D(date), fromId: from, toId: to);

    public static ActivityRecord Student(ActivityKind kind, string date, string from, string? to, string? id = null) =>
        new(id is null ? NextId() : new ActivityId(id), kind, D(date), fromId: from, toId: to);

    public static ActivityRecord Exchange(string date, string unit, string to, string? id = null) =>
        new(id is null ? NextId() : new ActivityId(id), ActivityKind.SchoolExchange, D(date), unitId: unit, toId: to);

    public static ActivityRecord Camp(string date, string end, string unit, int count, string? id = null) =>
        new(id is null ? NextId() : new ActivityId(id), ActivityKind.Camp, D(date), D(end), unitId: unit, count: count);

    public static ActivityRecord Family(string date, string unit, int count, FamilyConsent consent, string? id = null) =>
        new(id is null ? NextId() : new ActivityId(id), ActivityKind.FamilyEvent, D(date), unitId: unit, count: count, consent: consent);

    /// <summary>Everything a pair does for A1–A3, in order, from <paramref name="start"/> on.</summary>
    public static IEnumerable<ActivityRecord> Complete(string x, string n, string prefix)
    {
        yield return Letter("2014-09-10", x, n, $"{prefix}-l1");
        yield return Letter("2014-09-20", n, x, $"{prefix}-l2");
        var day = D("2014-10-01");
        for (var i = 0; i < 5; i++)
        {
            yield return new ActivityRecord(new ActivityId($"{prefix}-r{i}"), ActivityKind.Letter, day.AddDays(i * 50), fromId: i % 2 == 0 ? x : n, toId: i % 2 == 0 ? n : x);
        }

        yield return Student(ActivityKind.BookSent, "2014-10-05", x, n, $"{prefix}-b1");
        yield return Student(ActivityKind.BookSent, "2014-10-06", n, x, $"{prefix}-b2");
        yield return Student(ActivityKind.BookReflection, "2014-11-01", x, n, $"{prefix}-b3");
        yield return Student(ActivityKind.BookReflection, "2014-11-02", n, x, $"{prefix}-b4");
        yield return Student(ActivityKind.DeedAgreed, "2014-11-10", x, n, $"{prefix}-d1");
        yield return Student(ActivityKind.DeedDone, "2014-12-01", x, null, $"{prefix}-d2");
        yield return Student(ActivityKind.DeedDone, "2014-12-02", n, null, $"{prefix}-d3");
        yield return Student(ActivityKind.DeedReflection, "2014-12-10", x, n, $"{prefix}-d4");
        yield return Student(ActivityKind.DeedReflection, "2014-12-11", n, x, $"{prefix}-d5");
    }

    private static Roster BuildRoster()
    {
        var builder = new RosterBuilder()
            .AddCounty(new County(new CountyId(XinjiangCounty), "岳普湖县", Side.Xinjiang, XinjiangCounty))
            .AddCounty(new County(new CountyId(InlandCounty), "内地县", Side.Inland, Province))
            .AddSchool(new School(new SchoolId("XS1"), new CountyId(XinjiangCounty), "新疆一中"))
            .AddSchool(new School(new SchoolId("XS2"), new CountyId(XinjiangCounty), "新疆二中"))
            .AddSchool(new School(new SchoolId("NS1"), new CountyId(InlandCounty), "内地一中"))
            .AddSchool(new School(new SchoolId("NS2"), new CountyId(InlandCounty), "内地二中"))
            .AddClass(new ClassId("XC1"), new SchoolId("XS1"), new Grade(7))
            .AddClass(new ClassId("XC2"), new SchoolId("XS2"), new Grade(8))
            .AddClass(new ClassId("NC1"), new SchoolId("NS1"), new Grade(7))
            .AddClass(new ClassId("NC2"), new SchoolId("NS2"), new Grade(8));
        foreach (var (id, cls) in new[] { ("X1", "XC1"), ("X2", "XC1"), ("X9", "XC1"), ("X3", "XC2"), ("N1", "NC1"), ("N2", "NC1"), ("N9", "NC1"), ("N3", "NC2") })
        {
            builder.AddStudent(new Student(new StudentId(id), new ClassId(cls)));
        }

        return builder.Build().GetValueOrThrow();
    }
}
