using GovReport.Domain.Reports;

namespace GovReport.Host.Features.Reports;

/// <summary>One figure as a client sends it; fields are nullable so a missing one is named in <c>errors</c>, not a binding failure.</summary>
public sealed record FigureInput(string? Indicator, decimal? Value);

public sealed record NarrativeInput(string? Results, string? Difficulties, string? Proposals);

/// <summary>The body of <c>PUT …/reports/{month}</c> and, optionally, of <c>POST …/submit</c>.</summary>
public sealed record ReportBody(IReadOnlyList<FigureInput?>? Values, NarrativeInput? Narrative);

public sealed record ReturnBody(string? Reason);

public sealed record CorrectionBody(IReadOnlyList<FigureInput?>? Values, string? Reason);

public sealed record FigureOutput(string Indicator, decimal Value);

public sealed record NarrativeOutput(string? Results, string? Difficulties, string? Proposals);

/// <summary>A unit's report for a month, as <c>GET</c> and every write answer it.</summary>
public sealed record ReportResponse(
    string Unit,
    string Month,
    string Status,
    long Version,
    IReadOnlyList<FigureOutput> Values,
    NarrativeOutput? Narrative,
    DateTimeOffset? SubmittedAt,
    bool? OnTime,
    DateOnly? Deadline,
    string? ReturnReason)
{
    public static ReportResponse From(MonthlyReport report, long version) => new(
        report.Unit.Value,
        report.Month.ToString(),
        report.Status.ToApiString(),
        version,
        report.Values.Select(v => new FigureOutput(v.Indicator.Value, v.Value)).ToArray(),
        report.Narrative is { } n ? new NarrativeOutput(n.Results, n.Difficulties, n.Proposals) : null,
        report.SubmittedAt,
        report.OnTime,
        report.Deadline,
        report.ReturnReason)
    {
        Warnings = (report.Warnings ?? []).Select(w => new WarningOutput(w.Indicator.Value, w.Code, w.Message)).ToArray(),
    };

    /// <summary>The data-quality warnings recorded with the submission (empty when none): for the approver, never a refusal.</summary>
    public IReadOnlyList<WarningOutput> Warnings { get; init; } = [];
}

public sealed record WarningOutput(string Indicator, string Code, string Message);

public sealed record ReportSummary(string Month, string Status, long Version, DateTimeOffset? SubmittedAt, bool? OnTime, DateOnly? Deadline);

public sealed record ReportList(string Unit, int? Year, IReadOnlyList<ReportSummary> Reports);
