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
    bool AllowsNegative = false)
{
    public bool CanBeNegative => AllowsNegative;
}

public sealed record DefineIndicator(
    IndicatorCode Code,
    string Name,
    string Measure,
    Aggregation Aggregation,
    Direction Direction,
    string? Sector,
    bool AllowsNegative = false);
