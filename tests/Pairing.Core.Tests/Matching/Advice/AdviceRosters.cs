using Pairing.Core.Hierarchy;
using Pairing.Core.Rosters;

namespace Pairing.Core.Tests.Matching.Advice;

/// <summary>
/// Small rosters with gaps for the advice: two supporting provinces, each with one or two Xinjiang counties and zero to
/// two inland counties (so sometimes none, or fewer than needed), up to two schools a county (Xinjiang schools sometimes
/// larger than every inland one), grades 7 and 8 with classes of 1–5 students (so grades go short). Small enough for
/// <see cref="AdviceBruteForce"/>. With <c>students</c>, each class lists its students; otherwise only its size.
/// </summary>
internal static class AdviceRosters
{
    public static Roster Make(int seed, bool students)
    {
        var random = new Random(seed);
        var t = new TestRoster(students);
        foreach (var (province, area, tag) in new[] { (TestRoster.Beijing, TestRoster.BeijingArea, "B"), (TestRoster.Tianjin, TestRoster.TianjinArea, "T") })
        {
            for (var side = 0; side < 2; side++)
            {
                var xinjiang = side == 0;
                var counties = xinjiang ? random.Next(1, 3) : random.Next(0, 3);
                for (var c = 0; c < counties; c++)
                {
                    var county = $"{tag}{(xinjiang ? 'X' : 'N')}{c}";
                    _ = xinjiang ? t.XinjiangCounty(county, area) : t.InlandCounty(county, province);
                    for (var s = 0; s < random.Next(xinjiang ? 1 : 0, 3); s++)
                    {
                        var school = $"{county}s{s}";
                        t.School(school, county);
                        for (var k = 0; k < random.Next(xinjiang ? 1 : 0, 4); k++)
                        {
                            t.Class($"{school}k{k}", school, random.Next(7, 9), random.Next(1, 6));
                        }
                    }
                }
            }
        }

        return t.Build();
    }
}
