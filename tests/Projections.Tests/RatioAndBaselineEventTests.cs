using GovReport.Domain.Catalogue;
using GovReport.Domain.Targets;
using GovReport.Projections.Serialization;

namespace GovReport.Projections.Tests;

/// <summary>
/// Ratios and plan baselines extend existing events with optional fields: events recorded before
/// them must read as they did, and events without them must be written byte for byte as before.
/// </summary>
public sealed class RatioAndBaselineEventTests
{
    private static readonly IndicatorCode Forest = IndicatorCode.Parse("forest-planted");

    [Fact]
    public void A_reported_indicators_event_is_written_without_ratio_fields()
    {
        var (_, json) = EventSerializer.Serialize(new IndicatorDefined(Forest, "Trồng rừng", "ha", Aggregation.Sum, Direction.HigherIsBetter, null));
        Assert.DoesNotContain("numerator", json);
        Assert.DoesNotContain("scale", json);
        Assert.DoesNotContain("ratio", json);
    }

    [Fact]
    public void A_ratio_event_round_trips_its_parts()
    {
        var defined = new IndicatorDefined(IndicatorCode.Parse("on-time-rate"), "Tỷ lệ", "%", Aggregation.Ratio, Direction.HigherIsBetter, null,
            Numerator: IndicatorCode.Parse("dossiers-on-time"), Denominator: IndicatorCode.Parse("dossiers-resolved"), Scale: 100m);
        var (type, json) = EventSerializer.Serialize(defined);
        Assert.Contains("\"aggregation\":\"ratio\"", json);
        var read = Assert.IsType<IndicatorDefined>(EventSerializer.Deserialize(type, json));
        Assert.Equal(defined.Ratio, read.Ratio);
    }

    [Fact]
    public void An_indicator_event_recorded_before_ratios_reads_as_a_reported_indicator()
    {
        var read = Assert.IsType<IndicatorDefined>(EventSerializer.Deserialize("indicator_defined",
            """{"code":"forest-planted","name":"Trồng rừng","measure":"ha","aggregation":"sum","direction":"higher-is-better","sector":null,"allowsNegative":false}"""));
        Assert.Null(read.Ratio);
    }

    [Fact]
    public void The_assigned_plans_events_are_written_as_before_and_other_baselines_say_theirs()
    {
        var (_, assigned) = EventSerializer.Serialize(new AnnualTargetsSet(UnitId.Parse("bac-kan"), 2022, [new(Forest, 155m)], null));
        Assert.DoesNotContain("baseline", assigned);
        var (type, council) = EventSerializer.Serialize(
            new AnnualTargetsSet(UnitId.Parse("bac-kan"), 2022, [new(Forest, 170m)], null, Baseline: PlanBaseline.Council));
        Assert.Contains("\"baseline\":\"council\"", council);
        Assert.Equal(PlanBaseline.Council, Assert.IsType<AnnualTargetsSet>(EventSerializer.Deserialize(type, council)).Baseline);
    }
}
