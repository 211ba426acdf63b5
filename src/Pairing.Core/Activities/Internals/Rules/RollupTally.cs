using Pairing.Core.Activities;

namespace Pairing.Core.Activities.Internals.Rules;

/// <summary>
/// The roll-ups being counted: per school pair, county pair, supporting province and the whole programme, the pairs
/// and how many completed A1, A2 and A3; the camps (held, valid, too small, outside the holidays) and the families
/// reached. The rule checkers add their figures; <see cref="Compose"/> gives the rows.
/// </summary>
internal sealed class RollupTally
{
    private readonly ActivityIndex _index;
    private readonly int[,] _school;
    private readonly int[,] _county;
    private readonly int[,] _province;
    private readonly int[] _programme = new int[4];

    public RollupTally(ActivityIndex index)
    {
        _index = index;
        _school = new int[index.Result.SchoolPairs.Count, 4];
        _county = new int[index.Result.CountyPairs.Count, 4];
        _province = new int[index.Provinces.Count, 4];
        CountyCamps = new CampCounts[index.InlandCounties.Count];
        CountyFamilies = new long[index.InlandCounties.Count];
        ProvinceCamps = new CampCounts[index.Provinces.Count];
        ProvinceCampMinimum = new int[index.Provinces.Count];
        for (var pair = 0; pair < index.Table.Pairs; pair++)
        {
            Complete(pair, 0);
        }
    }

    /// <summary>Per inland county of a county pair: the camps it held itself.</summary>
    public CampCounts[] CountyCamps { get; }

    /// <summary>Per inland county of a county pair: families reached by its family events with full consent.</summary>
    public long[] CountyFamilies { get; }

    /// <summary>Per province: its own camps and its paired counties'.</summary>
    public CampCounts[] ProvinceCamps { get; }

    /// <summary>Per province: the camp minimum the validator used.</summary>
    public int[] ProvinceCampMinimum { get; }

    public CampCounts ProgrammeCamps { get; set; }

    /// <summary>Counts a student pair in column <paramref name="column"/>: 0 the pairs themselves, 1–3 completions of A1–A3.</summary>
    public void Complete(int pair, int column)
    {
        _programme[column]++;
        if (_index.PairSchoolPair[pair] is var sp and >= 0)
        {
            _school[sp, column]++;
        }

        if (_index.PairCountyPair[pair] is var cp and >= 0)
        {
            _county[cp, column]++;
        }

        if (_index.PairProvince[pair] is var pv and >= 0)
        {
            _province[pv, column]++;
        }
    }

    public ComplianceRollup[] Compose()
    {
        var schoolPairs = _index.Result.SchoolPairs;
        var countyPairs = _index.Result.CountyPairs;
        var schoolRows = new List<ComplianceRollup>(schoolPairs.Count);
        for (var i = 0; i < schoolPairs.Count; i++)
        {
            schoolRows.Add(new ComplianceRollup(RollupLevel.SchoolPair, $"{schoolPairs[i].Xinjiang.Value}|{schoolPairs[i].Inland.Value}",
                _school[i, 0], _school[i, 1], _school[i, 2], _school[i, 3], null, null, null, null, null, null));
        }

        var countyRows = new List<ComplianceRollup>(countyPairs.Count);
        for (var i = 0; i < countyPairs.Count; i++)
        {
            var c = _index.CountyPairInlandCounty[i];
            var camps = CountyCamps[c];
            countyRows.Add(new ComplianceRollup(RollupLevel.CountyPair, $"{countyPairs[i].Xinjiang.Value}|{countyPairs[i].Inland.Value}",
                _county[i, 0], _county[i, 1], _county[i, 2], _county[i, 3], camps.Held, camps.Valid, CountyFamilies[c], camps.TooSmall, camps.Outside, null));
        }

        var provinceRows = new List<ComplianceRollup>(_index.Provinces.Count);
        for (var p = 0; p < _index.Provinces.Count; p++)
        {
            long families = 0;
            for (var c = 0; c < _index.InlandCounties.Count; c++)
            {
                if (_index.InlandCountyProvince[c] == p)
                {
                    families += CountyFamilies[c];
                }
            }

            var camps = ProvinceCamps[p];
            provinceRows.Add(new ComplianceRollup(RollupLevel.Province, _index.Provinces[p].Value,
                _province[p, 0], _province[p, 1], _province[p, 2], _province[p, 3], camps.Held, camps.Valid, families, camps.TooSmall, camps.Outside,
                ProvinceCampMinimum[p]));
        }

        static int BySubject(ComplianceRollup a, ComplianceRollup b) => string.CompareOrdinal(a.SubjectId, b.SubjectId);
        schoolRows.Sort(BySubject);
        countyRows.Sort(BySubject);
        var all = ProgrammeCamps;
        return
        [
            .. schoolRows,
            .. countyRows,
            .. provinceRows,
            new ComplianceRollup(RollupLevel.Programme, "programme", _programme[0], _programme[1], _programme[2], _programme[3],
                all.Held, all.Valid, CountyFamilies.Sum(), all.TooSmall, all.Outside, null),
        ];
    }
}
