using GovReport.Domain.Periods;

namespace GovReport.Domain.Summaries;

/// <summary>Events of a summary stream. A summary is published once and never changes afterwards.</summary>
public abstract record SummaryEvent
{
    private protected SummaryEvent() { }
}

/// <summary>
/// Everything the summary shows is carried here, so what was published on the day can be read back
/// unchanged whatever is corrected later; a correction appears in the next summary only.
/// </summary>
public sealed record SummaryPublished(
    string Id,
    string Scope,
    string ScopeName,
    Month Period,
    string Label,
    DateTimeOffset PublishedAt,
    bool OnDemand,
    IReadOnlyList<SummaryView> Views,
    SummaryReportingStatus ReportingStatus,
    IReadOnlyList<UnitNarrative> Narratives,
    IReadOnlyList<string> Lines,
    IReadOnlyList<CorrectedFigure> CorrectedSinceLast,
    string? PreviousSummaryId = null) : SummaryEvent;

/// <summary>One slice of the year ("month", "quarter-to-date", "ytd" …) with its comparison rows.</summary>
public sealed record SummaryView(string View, string Label, Month From, Month To, IReadOnlyList<SummaryRow> Rows);

/// <param name="Estimated">A month behind the row is a split predecessor's figure times the successor's share.</param>
/// <param name="Comparable">False when months needing several predecessors' plain averages were left out.</param>
/// <remarks>
/// <see cref="Estimated"/> and <see cref="Comparable"/> came with restructurings: a summary
/// published before them reads back as neither estimated nor incomparable, as it was.
/// </remarks>
public sealed record SummaryRow(
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
    bool Estimated = false,
    bool Comparable = true);

public sealed record SummaryReportingStatus(
    int Expected, int Submitted, int OnTime, int Late, int Missing, IReadOnlyList<UnitReporting> Units);

/// <summary>A unit's report for the month: <see cref="State"/> is on-time, late or missing.</summary>
public sealed record UnitReporting(string Unit, string Name, string State, DateTimeOffset? SubmittedAt);

/// <summary>What a unit wrote beside its figures: difficulties (khó khăn, vướng mắc) and proposals (kiến nghị).</summary>
public sealed record UnitNarrative(string Unit, string Name, string? Difficulties, string? Proposals);

/// <summary>An official figure that changed after the previous summary of the same scope was published.</summary>
public sealed record CorrectedFigure(string Unit, string Indicator, Month Month, decimal Previous, decimal Value);
