using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;

namespace GovReport.Domain.Reports;

public enum ReportStatus { None, Draft, Submitted, Returned, Approved }

public static class ReportStatuses
{
    public static string ToApiString(this ReportStatus status) => status switch
    {
        ReportStatus.Draft => "draft",
        ReportStatus.Submitted => "submitted",
        ReportStatus.Returned => "returned",
        ReportStatus.Approved => "approved",
        _ => "none",
    };

    /// <summary>The status a read model stored with <see cref="ToApiString"/>.</summary>
    public static ReportStatus Parse(string text) => text switch
    {
        "draft" => ReportStatus.Draft,
        "submitted" => ReportStatus.Submitted,
        "returned" => ReportStatus.Returned,
        "approved" => ReportStatus.Approved,
        "none" => ReportStatus.None,
        _ => throw new FormatException($"'{text}' is not a report status."),
    };
}

/// <summary>
/// A unit's report for a month as its stream tells it. <see cref="Values"/> is kept ordered by
/// indicator code so that two replays always list figures the same way.
/// </summary>
public sealed record MonthlyReport(
    ReportStatus Status,
    UnitId Unit,
    Month Month,
    IReadOnlyList<FigureValue> Values,
    Narrative? Narrative,
    DateTimeOffset? SubmittedAt,
    bool? OnTime,
    DateOnly? Deadline,
    string? ReturnReason,
    string? SubmittedBy = null,
    IReadOnlyList<FigureWarning>? Warnings = null)
{
    public static MonthlyReport Initial { get; } = new(ReportStatus.None, default, default, [], null, null, null, null, null);

    public decimal? ValueOf(IndicatorCode indicator)
    {
        foreach (var value in Values)
            if (value.Indicator == indicator) return value.Value;
        return null;
    }

    internal static IReadOnlyList<FigureValue> Ordered(IEnumerable<FigureValue> values) =>
        // Recorded events already hold their figures in order: a replay must not sort them again.
        values is IReadOnlyList<FigureValue> list && IsOrdered(list) ? list : values.OrderBy(v => v.Indicator).ToArray();

    private static bool IsOrdered(IReadOnlyList<FigureValue> values)
    {
        for (var i = 1; i < values.Count; i++)
            if (values[i - 1].Indicator.CompareTo(values[i].Indicator) > 0) return false;
        return true;
    }
}
