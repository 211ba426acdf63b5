using Pairing.Core.Hierarchy;
using Pairing.Core.Reference;

namespace Pairing.Core.Tests.Reference;

public sealed class SupportMapTests
{
    private static readonly SupportMap Map = SupportMap.Default;

    [Fact]
    public void Holds_the_notice_table_19_provinces_58_areas_84_counties()
    {
        Assert.Equal(19, Map.Provinces.Count);
        Assert.Equal(58, Map.Areas.Count);
        Assert.Equal(84, Map.Counties.Count);
        Assert.Equal(84, Map.Counties.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void Shenzhen_supports_on_its_own_apart_from_Guangdong()
    {
        var shenzhen = Map.GetProvince(new ProvinceId("440300"));
        var guangdong = Map.GetProvince(new ProvinceId("440000"));
        Assert.Equal("深圳市", shenzhen.Name);
        Assert.Equal("广东省", guangdong.Name);
        Assert.Equal(["653101", "653131"], Map.CountiesSupportedBy(shenzhen.Id).Select(c => c.Id.Value));
        Assert.DoesNotContain(Map.CountiesSupportedBy(guangdong.Id), c => c.Id.Value == "653101");
    }

    [Theory]
    [InlineData("乐普湖县")]
    [InlineData("喀什地区乐普湖县")]
    [InlineData("岳普湖县")]
    public void Notice_typo_乐普湖县_is_岳普湖县_653128_under_Shandong(string name)
    {
        Assert.True(Map.TryFindCountyByName(name, out var county));
        Assert.Equal("653128", county.Id.Value);
        Assert.Equal("岳普湖县", county.Name);
        Assert.Equal("370000", county.ProvinceId.Value);
        Assert.Equal("山东省", Map.GetProvince(county.ProvinceId).Name);
        Assert.True(Map.TryFindAreaByName(name, out var area));
        Assert.Equal("喀什地区乐普湖县", area.NoticeName);
    }

    [Fact]
    public void Korla_652801_is_aided_through_Bayingolin_by_Hebei()
    {
        Assert.True(Map.TryFindCountyByName("库尔勒市", out var korla));
        Assert.Equal("652801", korla.Id.Value);
        var area = Map.AreaOf(korla.Id);
        Assert.Equal("652800", area.Id.Value);
        Assert.Equal("巴音郭楞蒙古自治州", area.Name);
        Assert.Equal(AidedAreaKind.Prefecture, area.Kind);
        Assert.Equal("河北省", Map.ProvinceOf(area.Id).Name);
        Assert.Equal(9, Map.CountiesIn(area.Id).Count);
    }

    [Theory]
    [InlineData("农十四师团场")]
    [InlineData("新疆生产建设兵团农十四师团场")]
    [InlineData("新疆生产建设兵团第十四师团场")]
    public void XPCC_14th_division_regiments_are_supported_by_Beijing(string name)
    {
        Assert.True(Map.TryFindAreaByName(name, out var area));
        Assert.Equal("XPCC-14", area.Id.Value);
        Assert.Equal(AidedAreaKind.Xpcc, area.Kind);
        Assert.Equal("北京市", Map.ProvinceOf(area.Id).Name);
    }

    [Theory]
    [InlineData("吉福海县", "654323", "230000")]
    [InlineData("吉富蕴县", "654322", "230000")]
    [InlineData("吉青河县", "654325", "230000")]
    [InlineData("乌恰市", "653024", "320000")]
    [InlineData("克孜勒苏柯尔克孜自治洲阿图什市", "653001", "320000")]
    [InlineData("塔什库尔干县", "653131", "440300")]
    public void Every_typo_of_the_notice_finds_the_official_county(string noticeName, string code, string province)
    {
        Assert.True(Map.TryFindCountyByName(noticeName, out var county));
        Assert.Equal(code, county.Id.Value);
        Assert.Equal(province, county.ProvinceId.Value);
    }

    [Fact]
    public void Every_county_belongs_to_exactly_one_area_and_its_province()
    {
        foreach (var county in Map.Counties)
        {
            var area = Map.GetArea(county.AreaId);
            Assert.Equal(area.ProvinceId, county.ProvinceId);
            Assert.Contains(county, Map.CountiesIn(area.Id));
        }

        Assert.All(Map.Areas, a => Assert.NotEmpty(Map.CountiesIn(a.Id)));
        Assert.Equal(Map.Counties.Count, Map.Provinces.Sum(p => Map.CountiesSupportedBy(p.Id).Count));
    }

    [Fact]
    public void Population_figures_show_the_real_skew()
    {
        Assert.True(Map.TryGetCounty(new CountyId("653125"), out var shache));
        Assert.True(Map.TryGetCounty(new CountyId("654326"), out var jimunai));
        Assert.Equal(860_800, shache.Population);
        Assert.Equal(34_336, jimunai.Population);
        Assert.True(shache.Population / jimunai.Population >= 25);
    }

    [Fact]
    public void Unknown_codes_and_names_are_not_found()
    {
        Assert.False(Map.TryGetArea(new AreaId("650100"), out _)); // Ürümqi is not aided
        Assert.False(Map.TryFindCountyByName("乌鲁木齐市", out _));
        Assert.Throws<KeyNotFoundException>(() => Map.GetProvince(new ProvinceId("500000")));
    }
}
