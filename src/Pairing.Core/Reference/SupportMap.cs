using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Pairing.Core.Files.Tables;
using Pairing.Core.Hierarchy;
using Pairing.Core.Internals;

namespace Pairing.Core.Reference;

/// <summary>
/// The notice's attachment (新疆受援地区与对口支援省市一览表): the 19 supporting provinces and cities, the 58 aided
/// areas they support, and the 84 Xinjiang county-level units of 2014 those areas cover, with GB/T 2260 codes.
/// </summary>
/// <remarks>
/// The data ships inside the package; <see cref="Default"/> is the one instance. Look-ups by name accept the
/// official name and the notice's own spelling, typos included (乐普湖县 finds 岳普湖县 653128).
/// </remarks>
public sealed class SupportMap
{
    private readonly FrozenDictionary<ProvinceId, SupportingProvince> _provinces;
    private readonly FrozenDictionary<AreaId, AidedArea> _areas;
    private readonly FrozenDictionary<CountyId, ReferenceCounty> _counties;
    private readonly FrozenDictionary<string, AidedArea> _areasByName;
    private readonly FrozenDictionary<string, ReferenceCounty> _countiesByName;
    private readonly FrozenDictionary<ProvinceId, ReferenceCounty[]> _countiesByProvince;
    private readonly FrozenDictionary<AreaId, ReferenceCounty[]> _countiesByArea;

    private static readonly Lazy<SupportMap> LazyDefault = new(Load);

    private SupportMap(IReadOnlyList<SupportingProvince> provinces, IReadOnlyList<AidedArea> areas, IReadOnlyList<ReferenceCounty> counties)
    {
        Provinces = provinces;
        Areas = areas;
        Counties = counties;
        _provinces = provinces.ToFrozenDictionary(p => p.Id);
        _areas = areas.ToFrozenDictionary(a => a.Id);
        _counties = counties.ToFrozenDictionary(c => c.Id);

        var areaNames = new Dictionary<string, AidedArea>(StringComparer.Ordinal);
        foreach (var area in areas)
        {
            foreach (var name in NamesOf(area))
            {
                areaNames.TryAdd(name, area);
            }
        }

        _areasByName = areaNames.ToFrozenDictionary(StringComparer.Ordinal);

        var countyNames = new Dictionary<string, ReferenceCounty>(StringComparer.Ordinal);
        foreach (var county in counties)
        {
            countyNames.TryAdd(county.Name, county);
        }

        // A county aided on its own is also known by its area's names as the notice writes them.
        foreach (var area in areas)
        {
            if (area.Kind != AidedAreaKind.Prefecture && _counties.TryGetValue(new CountyId(area.Id.Value), out var county))
            {
                foreach (var name in NamesOf(area))
                {
                    countyNames.TryAdd(name, county);
                }
            }
        }

        _countiesByName = countyNames.ToFrozenDictionary(StringComparer.Ordinal);
        _countiesByProvince = counties.GroupBy(c => c.ProvinceId).ToFrozenDictionary(g => g.Key, g => g.ToArray());
        _countiesByArea = counties.GroupBy(c => c.AreaId).ToFrozenDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>The support map of the 2014 notice, as shipped in the package.</summary>
    public static SupportMap Default => LazyDefault.Value;

    /// <summary>The 19 supporting provinces and cities, in the order of the notice's table.</summary>
    public IReadOnlyList<SupportingProvince> Provinces { get; }

    /// <summary>The 58 aided areas, in the order of the notice's table.</summary>
    public IReadOnlyList<AidedArea> Areas { get; }

    /// <summary>The 84 Xinjiang county-level units of 2014 the areas cover.</summary>
    public IReadOnlyList<ReferenceCounty> Counties { get; }

    /// <summary>Finds a supporting province by its code.</summary>
    public bool TryGetProvince(ProvinceId id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SupportingProvince? province) =>
        _provinces.TryGetValue(id, out province);

    /// <summary>Finds an aided area by its code.</summary>
    public bool TryGetArea(AreaId id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AidedArea? area) =>
        _areas.TryGetValue(id, out area);

    /// <summary>Finds one of the 84 Xinjiang counties by its code.</summary>
    public bool TryGetCounty(CountyId id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ReferenceCounty? county) =>
        _counties.TryGetValue(id, out county);

    /// <summary>The supporting province with this code.</summary>
    /// <exception cref="KeyNotFoundException">No supporting province has that code.</exception>
    public SupportingProvince GetProvince(ProvinceId id) =>
        _provinces.TryGetValue(id, out var p) ? p : throw new KeyNotFoundException($"No supporting province has the code {id}.");

    /// <summary>The aided area with this code.</summary>
    /// <exception cref="KeyNotFoundException">No aided area has that code.</exception>
    public AidedArea GetArea(AreaId id) =>
        _areas.TryGetValue(id, out var a) ? a : throw new KeyNotFoundException($"No aided area has the code {id}.");

    /// <summary>
    /// Finds an aided area by name: official (岳普湖县), as the notice writes it (喀什地区乐普湖县), or the notice's
    /// spelling without its prefecture (乐普湖县).
    /// </summary>
    public bool TryFindAreaByName(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AidedArea? area) =>
        _areasByName.TryGetValue(Guard.NotNull(name).Trim(), out area);

    /// <summary>
    /// Finds one of the 84 counties by name: official (库尔勒市, 岳普湖县) or as the notice writes a county aided on
    /// its own (乐普湖县, 喀什地区乐普湖县).
    /// </summary>
    public bool TryFindCountyByName(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ReferenceCounty? county) =>
        _countiesByName.TryGetValue(Guard.NotNull(name).Trim(), out county);

    /// <summary>The aided area a Xinjiang county belongs to (库尔勒市 → 巴音郭楞蒙古自治州).</summary>
    /// <exception cref="KeyNotFoundException">The county is not one of the 84.</exception>
    public AidedArea AreaOf(CountyId county) =>
        _counties.TryGetValue(county, out var c) ? _areas[c.AreaId] : throw new KeyNotFoundException($"{county} is not a Xinjiang county of the support map.");

    /// <summary>The supporting province of an aided area.</summary>
    /// <exception cref="KeyNotFoundException">No aided area has that code.</exception>
    public SupportingProvince ProvinceOf(AreaId area) => _provinces[GetArea(area).ProvinceId];

    /// <summary>The Xinjiang counties of 2014 that a province supports, in the notice's order.</summary>
    public IReadOnlyList<ReferenceCounty> CountiesSupportedBy(ProvinceId province) =>
        _countiesByProvince.TryGetValue(province, out var list) ? list : [];

    /// <summary>The Xinjiang counties of 2014 in an aided area (one, for an area that is a county or XPCC unit).</summary>
    public IReadOnlyList<ReferenceCounty> CountiesIn(AreaId area) =>
        _countiesByArea.TryGetValue(area, out var list) ? list : [];

    private static IEnumerable<string> NamesOf(AidedArea area)
    {
        yield return area.Name;
        yield return area.NoticeName;
        var shortName = ShortNoticeName(area.NoticeName);
        if (shortName is not null)
        {
            yield return shortName;
        }
    }

    /// <summary>The notice's name without the prefecture or XPCC prefix it puts before a county or unit.</summary>
    private static string? ShortNoticeName(string noticeName)
    {
        const string Xpcc = "新疆生产建设兵团";
        if (noticeName.StartsWith(Xpcc, StringComparison.Ordinal) && noticeName.Length > Xpcc.Length)
        {
            return noticeName[Xpcc.Length..];
        }

        foreach (var marker in (ReadOnlySpan<string>)["地区", "自治州", "自治洲"])
        {
            var at = noticeName.IndexOf(marker, StringComparison.Ordinal);
            if (at > 0 && at + marker.Length < noticeName.Length)
            {
                return noticeName[(at + marker.Length)..];
            }
        }

        return null;
    }

    private static SupportMap Load()
    {
        var areaRows = ReadResource("support-map.csv");
        var countyRows = ReadResource("xinjiang-counties-2014.csv");
        var populationRows = ReadResource("xinjiang-population.csv");

        var provinces = new List<SupportingProvince>();
        var seenProvinces = new HashSet<string>(StringComparer.Ordinal);
        var areas = new List<AidedArea>();
        foreach (var row in areaRows)
        {
            if (seenProvinces.Add(row["province_id"]))
            {
                provinces.Add(new SupportingProvince(new ProvinceId(row["province_id"]), row["province_name"]));
            }

            areas.Add(new AidedArea(
                new AreaId(row["area_id"]),
                row["area_name"],
                row["notice_name"],
                row["kind"] switch
                {
                    "prefecture" => AidedAreaKind.Prefecture,
                    "county" => AidedAreaKind.County,
                    "xpcc" => AidedAreaKind.Xpcc,
                    var other => throw new InvalidOperationException($"Embedded support map: unknown kind '{other}'."),
                },
                row["prefecture_id"].Length == 0 ? null : row["prefecture_id"],
                new ProvinceId(row["province_id"]),
                row["note"]));
        }

        var population = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in populationRows)
        {
            if (int.TryParse(row["population"], NumberStyles.None, CultureInfo.InvariantCulture, out var people))
            {
                population[row["county_id"]] = people;
            }
        }

        var counties = countyRows
            .Select(row => new ReferenceCounty(
                new CountyId(row["county_id"]),
                row["name"],
                new AreaId(row["area_id"]),
                new ProvinceId(row["province_id"]),
                population.TryGetValue(row["county_id"], out var p) ? p : null))
            .ToList();
        return new SupportMap(provinces, areas, counties);
    }

    private static List<Dictionary<string, string>> ReadResource(string fileName)
    {
        var name = "Pairing.Core.Reference.Data." + fileName;
        using var stream = typeof(SupportMap).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var csv = new CsvReader(reader.ReadToEnd());
        var rows = new List<Dictionary<string, string>>();
        string[]? header = null;
        while (csv.TryRead(out var record))
        {
            if (record.Error is not null)
            {
                throw new InvalidOperationException($"The embedded {fileName} is malformed at line {record.Line}: {record.Error.Message}.");
            }

            if (record.IsBlank)
            {
                continue;
            }

            if (header is null)
            {
                header = Enumerable.Range(0, record.Count).Select(record.GetString).ToArray();
                continue;
            }

            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i]] = i < record.Count ? record.GetString(i) : string.Empty;
            }

            rows.Add(row);
        }

        return rows;
    }
}
