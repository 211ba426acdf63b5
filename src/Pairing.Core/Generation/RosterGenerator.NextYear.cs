using Pairing.Core.Internals;
using Pairing.Core.Rosters;

namespace Pairing.Core.Generation;

public static partial class RosterGenerator
{
    /// <summary>
    /// Makes the next school year's roster (下一学年) from <paramref name="roster"/>, on both sides: grades 9 and 12
    /// graduate, every other class moves up one grade keeping its id and its students (初一(3)班 becomes 初二(3)班),
    /// a new grade-7 and grade-10 intake arrives, students transfer out and in, and now and then a school closes or
    /// opens.
    /// </summary>
    /// <param name="roster">
    /// Any valid roster, generated or read from files; with students or counts only (then the counts are aged the
    /// same way).
    /// </param>
    /// <param name="options">How much changes; checked first, and copied, so later changes do not matter.</param>
    /// <returns>
    /// A valid roster of the next year, with students when <paramref name="roster"/> has them. The same roster and
    /// options always give the same roster, and so byte-identical files through <see cref="Pairing.Core.Files.Rosters.RosterFiles.Write"/>.
    /// </returns>
    /// <remarks>
    /// <para>
    /// Ids name units, not grades: a class keeps its id as it moves up, so <c>653125-C001-07-03</c> (grade 7 in the
    /// generator's first year) is grade 8 the next year, and its <c>grade</c> column says so. New schools, classes
    /// and students carry the new <see cref="NextYearOptions.SchoolYear"/> in their ids
    /// (<c>653125-J2015-01</c>, <c>653125-C001-2015-07-01</c>, <c>X653125-2015-000001</c>), so no id of the old
    /// roster, and none of an earlier year, is given to a different unit. Counties never change: the support map
    /// fixes them.
    /// </para>
    /// <para>
    /// The Xinjiang intake is sized as the generator's first year sizes a grade: grade 7 is a third of the junior
    /// share (911,477 : 462,963, Xinjiang's 2014 ratio) of the roster's Xinjiang students, grade 10 1.03 thirds of
    /// the senior share, spread over the counties in proportion to their population among those with a school that
    /// teaches the stage, then over a county's schools in proportion to last year's size of that grade (or of the
    /// stage, where the grade was missing), with as many classes as the school had in that grade. Each inland county
    /// takes in its own last year's grade 7 (or 10) scaled by the same factor as its province's Xinjiang counties, so
    /// the inland side keeps its capacity relative to the Xinjiang one. Transfers, closings and openings follow
    /// <paramref name="options"/>; a class left with no student is dissolved.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="roster"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="Matching.PairingOptionsException">Some options are out of range; <see cref="Matching.PairingOptionsException.Findings"/> lists every one.</exception>
    public static Roster NextYear(Roster roster, NextYearOptions options)
    {
        Guard.NotNull(roster);
        Guard.NotNull(options);
        var o = options.Clone();
        var failures = o.Validate();
        if (failures.Count > 0)
        {
            throw new Matching.PairingOptionsException(failures);
        }

        return NextYearBuilder.Build(roster, o, XpccMedianPopulation(roster.SupportMap));
    }
}
