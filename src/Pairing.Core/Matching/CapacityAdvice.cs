using Pairing.Core.Findings;
using Pairing.Core.Hierarchy;

namespace Pairing.Core.Matching;

/// <summary>What an <see cref="CapacityAddition"/> adds on the inland side (the <c>action</c> column of <c>advice.csv</c>).</summary>
public enum CapacityAction
{
    /// <summary><c>add-county</c>: a new inland county of the supporting province.</summary>
    AddCounty,

    /// <summary><c>add-school</c>: a new school in an inland county, listed or new.</summary>
    AddSchool,

    /// <summary><c>add-classes</c>: new classes of one grade, with students, in an inland school, listed or new.</summary>
    AddClasses,
}

/// <summary>One row of <c>advice.csv</c>: one addition on the inland side, the Xinjiang unit it serves, and why (a finding).</summary>
/// <param name="Action">What is added.</param>
/// <param name="ProvinceId">The supporting province.</param>
/// <param name="InlandCountyId">The county added, or the county of the school added or of the classes added.</param>
/// <param name="InlandSchoolId">The school added, or the school of the classes added; null for a county.</param>
/// <param name="Grade">The grade of the classes added; null otherwise.</param>
/// <param name="Classes">Classes added (0 for a county or a school).</param>
/// <param name="Students">Students in the classes added, in all (0 for a county or a school).</param>
/// <param name="XinjiangId">The Xinjiang county (for a county) or school (otherwise) it serves.</param>
/// <param name="Finding">The reason: an <see cref="AdviceFindings"/> code with its numbers; its rule is the rule it lifts.</param>
public sealed record CapacityAddition(
    CapacityAction Action,
    ProvinceId ProvinceId,
    CountyId InlandCountyId,
    SchoolId? InlandSchoolId,
    Grade? Grade,
    int Classes,
    int Students,
    string XinjiangId,
    Finding Finding);

/// <summary>One supporting province's share of the advice: what to add, and the Xinjiang students covered before and after.</summary>
/// <param name="ProvinceId">The supporting province.</param>
/// <param name="Counties">New counties.</param>
/// <param name="Schools">New schools.</param>
/// <param name="Classes">New classes.</param>
/// <param name="Students">Students in the new classes.</param>
/// <param name="XinjiangStudents">Xinjiang students the province supports.</param>
/// <param name="CoveredBefore">Of them, covered by a match of the roster as it is.</param>
/// <param name="CoveredAfter">Of them, covered once the advice is applied (all of them).</param>
public sealed record ProvinceAdvice(
    ProvinceId ProvinceId, int Counties, int Schools, int Classes, long Students, long XinjiangStudents, long CoveredBefore, long CoveredAfter)
{
    /// <summary>The province's total as a finding (ADV011), to show in the user's language.</summary>
    public Finding Summary => AdviceFindings.ProvinceTotal.Create(null, null,
        FindingArgument.Of("province", ProvinceId.Value), FindingArgument.Of("counties", Counties), FindingArgument.Of("schools", Schools),
        FindingArgument.Of("classes", Classes), FindingArgument.Of("students", Students), FindingArgument.Of("covered", CoveredBefore),
        FindingArgument.Of("xinjiang", XinjiangStudents));
}

/// <summary>
/// What full coverage (P7) would take: the fewest inland counties, then schools, then students, then classes to add so
/// that every Xinjiang county, school and student can be paired under P1–P6 with the run's options. Made by
/// <see cref="PairingAdvisor.Advise"/>; written by <see cref="Pairing.Core.Files.Results.AdviceFiles"/>.
/// </summary>
public sealed class CapacityAdvice
{
    internal CapacityAdvice(
        IReadOnlyList<CapacityAddition> additions, IReadOnlyList<ProvinceAdvice> provinces, IReadOnlyList<Finding> notes, PairingOptionsSnapshot options)
    {
        Additions = additions;
        Provinces = provinces;
        Notes = notes;
        Options = options;
    }

    /// <summary>Every addition, in the order of <c>advice.csv</c>: by province, then counties, schools and classes, then ids.</summary>
    public IReadOnlyList<CapacityAddition> Additions { get; }

    /// <summary>Per supporting province with a Xinjiang or inland county in the roster, by id.</summary>
    public IReadOnlyList<ProvinceAdvice> Provinces { get; }

    /// <summary>What the advice does not promise: ADV013 per province whose shared model stopped at its work limit; empty when the advice is proven least.</summary>
    public IReadOnlyList<Finding> Notes { get; }

    /// <summary>The options the advice was computed with.</summary>
    public PairingOptionsSnapshot Options { get; }

    /// <summary>Whether nothing needs adding.</summary>
    public bool IsEmpty => Additions.Count == 0;

    /// <summary>New counties in all.</summary>
    public int Counties => Provinces.Sum(p => p.Counties);

    /// <summary>New schools in all.</summary>
    public int Schools => Provinces.Sum(p => p.Schools);

    /// <summary>New classes in all.</summary>
    public int Classes => Provinces.Sum(p => p.Classes);

    /// <summary>Students in the new classes, in all.</summary>
    public long Students => Provinces.Sum(p => p.Students);

    /// <summary>Xinjiang students in the roster.</summary>
    public long XinjiangStudents => Provinces.Sum(p => p.XinjiangStudents);

    /// <summary>Xinjiang students covered by a match of the roster as it is.</summary>
    public long CoveredBefore => Provinces.Sum(p => p.CoveredBefore);

    /// <summary>Xinjiang students covered once the advice is applied.</summary>
    public long CoveredAfter => Provinces.Sum(p => p.CoveredAfter);

    /// <summary>The one-line total as a finding (ADV012): to cover the other students, what to add in all.</summary>
    public Finding Summary => AdviceFindings.Total.Create(null, null,
        FindingArgument.Of("uncovered", XinjiangStudents - CoveredBefore), FindingArgument.Of("counties", Counties), FindingArgument.Of("schools", Schools),
        FindingArgument.Of("classes", Classes), FindingArgument.Of("students", Students), FindingArgument.Of("covered", CoveredBefore),
        FindingArgument.Of("xinjiang", XinjiangStudents));
}
