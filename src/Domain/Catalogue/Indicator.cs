namespace GovReport.Domain.Catalogue;

/// <summary>
/// An indicator's current definition. Figures are non-negative unless the definition says
/// otherwise: flows, counts, rates and levels cannot go below zero; only a planner who defines
/// a change or balance measure (growth, net migration) sets <see cref="AllowsNegative"/>.
/// </summary>
public sealed record Indicator(
    IndicatorCode Code,
    string Name,
    string Measure,
    Aggregation Aggregation,
    Direction Direction,
    string? Sector,
    bool AllowsNegative = false,
    decimal? MinValue = null,
    decimal? MaxValue = null,
    RatioDefinition? Ratio = null,
    CrossIndicatorRules? Rules = null)
{
    /// <summary>Computed from its numerator and denominator, never reported by a unit.</summary>
    public bool IsRatio => Aggregation == Aggregation.Ratio;

    public bool CanBeNegative => AllowsNegative;

    /// <summary>The values a figure or target for this indicator may take; see <see cref="PlausibleRange"/>.</summary>
    public PlausibleRange Range => PlausibleRange.Of(this);
}

public sealed record DefineIndicator(
    IndicatorCode Code,
    string Name,
    string Measure,
    Aggregation Aggregation,
    Direction Direction,
    string? Sector,
    bool AllowsNegative = false,
    decimal? MinValue = null,
    decimal? MaxValue = null,
    RatioDefinition? Ratio = null,
    CrossIndicatorRules? Rules = null);
