namespace GovReport.Domain.Catalogue;

public abstract record IndicatorEvent
{
    private protected IndicatorEvent() { }

    public abstract IndicatorCode Code { get; init; }
}

// MinValue and MaxValue came later: events recorded before them load with null, the default range.
public sealed record IndicatorDefined(
    IndicatorCode Code, string Name, string Measure, Aggregation Aggregation, Direction Direction,
    string? Sector, bool AllowsNegative = false, decimal? MinValue = null, decimal? MaxValue = null) : IndicatorEvent;

/// <summary>Carries the full new definition so a reader never has to merge partial changes.</summary>
public sealed record IndicatorRevised(
    IndicatorCode Code, string Name, string Measure, Aggregation Aggregation, Direction Direction,
    string? Sector, bool AllowsNegative = false, decimal? MinValue = null, decimal? MaxValue = null) : IndicatorEvent;
