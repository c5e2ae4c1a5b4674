using System.Text.Json;
using GovReport.Domain.Catalogue;

using Agg = GovReport.Domain.Catalogue.Aggregation;

namespace GovReport.Domain.Tests.Catalogue;

public class IdentifierTests
{
    [Theory]
    [InlineData("bac-kan", true)]
    [InlineData("xa-nong-thuong", true)]
    [InlineData("a1", true)]
    [InlineData("a", false)]
    [InlineData("Bac-Kan", false)]
    [InlineData("bắc-kạn", false)]
    [InlineData("bac kan", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Unit_ids_are_lower_case_slugs(string? text, bool valid)
    {
        Assert.Equal(valid, UnitId.TryParse(text, out var id, out var error));
        if (valid) Assert.Equal(text, id.ToString());
        else Assert.NotNull(error);
    }

    [Fact]
    public void Slugs_are_limited_to_64_characters()
    {
        Assert.True(IndicatorCode.TryParse(new string('a', 64), out _, out _));
        Assert.False(IndicatorCode.TryParse(new string('a', 65), out _, out _));
    }

    [Fact]
    public void Identifiers_serialize_as_plain_strings()
    {
        var payload = new { Unit = UnitId.Parse("bac-kan"), Indicator = IndicatorCode.Parse("forest-planted") };
        Assert.Equal("""{"Unit":"bac-kan","Indicator":"forest-planted"}""", JsonSerializer.Serialize(payload));
        Assert.Equal(UnitId.Parse("bac-kan"), JsonSerializer.Deserialize<UnitId>("\"bac-kan\""));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<UnitId>("\"Bac Kan\""));
    }

    [Fact]
    public void Identifiers_work_as_dictionary_keys_in_json()
    {
        var map = new Dictionary<IndicatorCode, decimal> { [IndicatorCode.Parse("forest-planted")] = 175.158m };
        var json = JsonSerializer.Serialize(map);
        Assert.Equal("""{"forest-planted":175.158}""", json);
        Assert.Equal(175.158m, JsonSerializer.Deserialize<Dictionary<IndicatorCode, decimal>>(json)![IndicatorCode.Parse("forest-planted")]);
    }

    [Theory]
    [InlineData("province", UnitKind.Province)]
    [InlineData("city", UnitKind.City)]
    [InlineData("district", UnitKind.District)]
    [InlineData("department", UnitKind.Department)]
    [InlineData("commune", UnitKind.Commune)]
    [InlineData("ward", UnitKind.Ward)]
    [InlineData("centre", UnitKind.Centre)]
    public void Unit_kinds_round_trip_their_api_names(string api, UnitKind kind)
    {
        Assert.Equal(kind, UnitKinds.Parse(api));
        Assert.Equal(api, kind.ToApiString());
    }

    [Fact]
    public void Unknown_names_are_rejected_listing_the_known_ones()
    {
        Assert.False(UnitKinds.TryParse("hamlet", out _, out var error));
        Assert.Contains("commune", error);
        Assert.False(Aggregations.TryParse("median", out _, out error));
        Assert.Contains("per-day", error);
        Assert.False(Directions.TryParse("up", out _, out error));
        Assert.Contains("lower-is-better", error);
    }

    [Theory]
    [InlineData("sum", Agg.Sum)]
    [InlineData("average", Agg.Average)]
    [InlineData("per-day", Agg.PerDay)]
    [InlineData("last", Agg.Last)]
    public void Aggregations_round_trip(string api, Agg value)
    {
        Assert.Equal(value, Aggregations.Parse(api));
        Assert.Equal(api, value.ToApiString());
    }

    [Fact]
    public void Directions_round_trip()
    {
        Assert.Equal(Direction.HigherIsBetter, Directions.Parse("higher-is-better"));
        Assert.Equal("lower-is-better", Direction.LowerIsBetter.ToApiString());
    }

    [Theory]
    [InlineData(UnitKind.Commune, GovReport.Domain.Periods.UnitLevel.Commune)]
    [InlineData(UnitKind.Ward, GovReport.Domain.Periods.UnitLevel.Commune)]
    [InlineData(UnitKind.Centre, GovReport.Domain.Periods.UnitLevel.Commune)]
    [InlineData(UnitKind.Department, GovReport.Domain.Periods.UnitLevel.Department)]
    [InlineData(UnitKind.District, GovReport.Domain.Periods.UnitLevel.District)]
    [InlineData(UnitKind.City, GovReport.Domain.Periods.UnitLevel.City)]
    [InlineData(UnitKind.Province, GovReport.Domain.Periods.UnitLevel.Province)]
    public void Unit_kinds_map_to_deadline_levels(UnitKind kind, GovReport.Domain.Periods.UnitLevel level) =>
        Assert.Equal(level, kind.Level());
}
