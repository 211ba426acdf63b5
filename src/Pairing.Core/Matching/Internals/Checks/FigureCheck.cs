using Pairing.Core.Hierarchy;
using Pairing.Core.Matching;

namespace Pairing.Core.Matching.Internals.Checks;

/// <summary>
/// The summary's figures (CHK091–CHK093), recounted from the roster and the pairs: the coverage bound is no lower than
/// what the result covers, and every count per level, the coverage, and the preference figures are what the pairs give.
/// </summary>
internal sealed class FigureCheck(CheckContext context) : ResultCheck(context)
{
    protected override PairingLevel? Level => null;

    /// <summary>CHK093: a bound below what this very result covers is no bound.</summary>
    public void CheckBound()
    {
        var s = Result.Summary;
        if (s.CoverageUpperBound is { } bound && bound < s.CoveredStudents)
        {
            Add(CheckFindings.BoundBelowCovered, "summary.coverage_upper_bound", Figure("coverage_upper_bound"), A("bound", bound), A("covered", s.CoveredStudents));
        }
    }

    /// <summary>CHK091–CHK092: every figure the summary states, against the one counted.</summary>
    public void CheckCounts()
    {
        var s = Result.Summary;
        int UnpairedAt(PairingLevel level) => Result.Unpaired.Count(u => u.Level == level);
        var xinjiangSchools = Roster.Schools.Where(x => IsXinjiang(CountyOfSchool(x))).ToHashSet();
        var inlandCounties = Roster.Counties.Count(c => !IsXinjiang(c));
        var inlandSchools = Roster.Schools.Count - xinjiangSchools.Count;
        Same("county.paired", s.Counties.Paired, Result.CountyPairs.Count);
        Same("county.unpaired", s.Counties.Unpaired, UnpairedAt(PairingLevel.County));
        Same("county.inland_surplus", s.Counties.InlandSurplus, inlandCounties - Context.CountyOf.Values.Distinct().Count());
        Same("school.paired", s.Schools.Paired, Result.SchoolPairs.Count);
        Same("school.unpaired", s.Schools.Unpaired, UnpairedAt(PairingLevel.School));
        Same("school.inland_surplus", s.Schools.InlandSurplus, inlandSchools - Context.SchoolOf.Values.Distinct().Count());
        var xinjiangClasses = Roster.Classes.Where(c => xinjiangSchools.Contains(SchoolOfClass(c))).ToList();
        Same("xinjiang_students", s.XinjiangStudents, xinjiangClasses.Sum(c => (long)c.Size));
        if (Result.Phase == PairingPhase.Planning)
        {
            // What the plan can cover: per inland school and grade, the smaller of what its Xinjiang schools bring and what it has.
            long coverable = 0;
            foreach (var group in Context.SchoolOf.GroupBy(p => p.Value))
            {
                var t = Roster.GetSchool(group.Key);
                var inland = Roster.ClassesIn(group.Key);
                var brought = group.SelectMany(p => Roster.ClassesIn(p.Key)).ToList();
                foreach (var grade in Grade.All)
                {
                    coverable += Math.Min(
                        brought.Where(c => GradeIn(t, c.Grade) == grade).Sum(c => (long)c.Size),
                        inland.Where(c => c.Grade == grade).Sum(c => (long)c.Size));
                }
            }

            Same("covered_students", s.CoveredStudents, coverable);
            return;
        }

        var inlandClasses = Roster.Classes.Count - xinjiangClasses.Count;
        var inlandStudents = Roster.Students.Count - (int)xinjiangClasses.Sum(c => (long)c.Size);
        Same("class.paired", s.Classes?.Paired, Result.ClassPairs.Count);
        Same("class.unpaired", s.Classes?.Unpaired, UnpairedAt(PairingLevel.Class));
        Same("class.inland_surplus", s.Classes?.InlandSurplus, inlandClasses - Result.ClassPairs.Count);
        Same("student.paired", s.Students?.Paired, Result.StudentPairs.Count);
        Same("student.unpaired", s.Students?.Unpaired, UnpairedAt(PairingLevel.Student));
        Same("student.inland_surplus", s.Students?.InlandSurplus, inlandStudents - Result.StudentPairs.Count);
        Same("covered_students", s.CoveredStudents, Result.StudentPairs.Count);
        Same("cross_class_pairs", s.CrossClassPairs, Result.StudentPairs.Count(p => p.CrossClass));
        Same("class_size_difference", s.ClassSizeDifference,
            Result.ClassPairs.Sum(p => Roster.TryGetClass(p.Xinjiang, out var a) && Roster.TryGetClass(p.Inland, out var b) ? (long)Math.Abs(a.Size - b.Size) : 0));
        int same = 0;
        long met = 0;
        foreach (var p in Result.StudentPairs)
        {
            Context.Poll();
            if (!Roster.TryGetStudent(p.Xinjiang, out var a) || !Roster.TryGetStudent(p.Inland, out var b))
            {
                continue;
            }

            var sameGender = a.Gender != Gender.Unknown && a.Gender == b.Gender;
            same += sameGender ? 1 : 0;
            met += sameGender ? Options.SameGenderWeight : 0;
            met += a.Interests.AsSpan().IndexOfAny(b.Interests.AsSpan()) >= 0 ? Options.SharedInterestWeight : 0; // ordinal, no set per pair
            met += a.Language is not null && a.Language == b.Language ? Options.SameLanguageWeight : 0;
            met += a.BirthYear is { } ya && b.BirthYear is { } yb && Math.Abs(ya - yb) <= 1 ? Options.CloseBirthYearWeight : 0;
        }

        Same("same_gender_pairs", s.SameGenderPairs, same);
        Same("preference_score", s.PreferenceScore, met);
    }

    private void Same<T>(string figure, T stated, T counted)
    {
        if (!EqualityComparer<T>.Default.Equals(stated, counted))
        {
            if (stated is null)
            {
                Add(CheckFindings.FigureMissing, "summary." + figure, Figure(figure), A("figure", figure), A("counted", counted!));
            }
            else
            {
                Add(CheckFindings.FigureDiffers, "summary." + figure, Figure(figure), A("figure", figure), A("stated", stated), A("counted", counted!));
            }
        }
    }
}
