namespace GovReport.Projections.Queries.Performance;

/// <summary>One indicator's line in a comparison: the figures a briefing sentence is built from.</summary>
public sealed record PerformanceRow(
    string Indicator,
    string Name,
    string Measure,
    string Aggregation,
    string Direction,
    decimal? Actual,
    decimal? Target,
    decimal? PercentOfTarget,
    decimal? SamePeriodLastYear,
    decimal? ChangePercent,
    string Status,
    int ReportedMonths,
    int ExpectedMonths,
    PlanUsed? Plan)
{
    /// <summary>
    /// A figure or target behind this row is too large to hold (a value recorded before plausible
    /// ranges were enforced): what it would have made is null rather than a wrong number.
    /// </summary>
    public bool Overflow { get; init; }

    /// <summary>A figure behind this row is a split predecessor's figure distributed by share, not one reported.</summary>
    public bool Estimated { get; init; }

    /// <summary>
    /// False when a month behind this row would combine several predecessors' figures that cannot
    /// be combined faithfully (a plain average): those months are left out rather than added.
    /// </summary>
    public bool Comparable { get; init; } = true;

    /// <summary>
    /// With <c>plan=all</c>: each plan baseline's target held against the same actual, by baseline
    /// name (assigned, council, stretch); absent otherwise.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, BaselineComparison>? Plans { get; init; }
}

/// <summary>One plan baseline's side of a row: its target, how much of it the actual reached, and the revision it came from.</summary>
public sealed record BaselineComparison(decimal? Target, decimal? PercentOfTarget, string Status, PlanUsed? Plan)
{
    public static BaselineComparison Of(PerformanceRow row) => new(row.Target, row.PercentOfTarget, row.Status, row.Plan);
}

/// <summary>Which plan revision a target came from, so a reader can tell an original from a revision.</summary>
public sealed record PlanUsed(int Revision, string? Decision, DateTimeOffset SetAt)
{
    /// <summary>The unit has no plan of its own for the year: its predecessors' plans, combined (revision 0).</summary>
    public bool Derived { get; init; }
}

/// <summary>What a reader must know of one figure carried across a restructuring.</summary>
public readonly record struct FigureNote(bool Estimated, bool NotComparable);

public sealed record PerformanceReport(
    string Unit,
    string Period,
    string View,
    string From,
    string To,
    string Label,
    DateTimeOffset? AsOf,
    IReadOnlyList<PerformanceRow> Rows);

/// <summary>One month of an indicator: its figure and the same month last year, as the month view compares them.</summary>
public sealed record MonthFigures(GovReport.Domain.Periods.Month Month, decimal? Actual, decimal? SamePeriodLastYear);
