using System.Text.Json.Serialization;

namespace GovReport.Domain.Catalogue;

public abstract record IndicatorEvent
{
    private protected IndicatorEvent() { }

    public abstract IndicatorCode Code { get; init; }
}

// MinValue and MaxValue came later: events recorded before them load with null, the default range.
// Numerator, Denominator and Scale (a ratio's parts) came later still, and are written only for a
// ratio, so every other indicator's event reads and hashes exactly as before. AtMost (cross-indicator
// rules) likewise is written only when the indicator has some.
public sealed record IndicatorDefined(
    IndicatorCode Code, string Name, string Measure, Aggregation Aggregation, Direction Direction,
    string? Sector, bool AllowsNegative = false, decimal? MinValue = null, decimal? MaxValue = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IndicatorCode? Numerator = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IndicatorCode? Denominator = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Scale = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<IndicatorCode>? AtMost = null) : IndicatorEvent
{
    [JsonIgnore] public RatioDefinition? Ratio => RatioDefinitions.From(Numerator, Denominator, Scale);

    [JsonIgnore] public CrossIndicatorRules? Rules => CrossIndicatorRules.Of(AtMost);
}

/// <summary>Carries the full new definition so a reader never has to merge partial changes.</summary>
public sealed record IndicatorRevised(
    IndicatorCode Code, string Name, string Measure, Aggregation Aggregation, Direction Direction,
    string? Sector, bool AllowsNegative = false, decimal? MinValue = null, decimal? MaxValue = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IndicatorCode? Numerator = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IndicatorCode? Denominator = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Scale = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<IndicatorCode>? AtMost = null) : IndicatorEvent
{
    [JsonIgnore] public RatioDefinition? Ratio => RatioDefinitions.From(Numerator, Denominator, Scale);

    [JsonIgnore] public CrossIndicatorRules? Rules => CrossIndicatorRules.Of(AtMost);
}

internal static class RatioDefinitions
{
    public static RatioDefinition? From(IndicatorCode? numerator, IndicatorCode? denominator, decimal? scale) =>
        numerator is { } n && denominator is { } d ? new RatioDefinition(n, d, scale ?? RatioDefinition.DefaultScale) : null;
}
