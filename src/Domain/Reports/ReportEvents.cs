using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;

namespace GovReport.Domain.Reports;

/// <summary>Events of a monthly report stream; each names its unit and month so it reads on its own.</summary>
public abstract record ReportEvent
{
    private protected ReportEvent() { }

    public abstract UnitId Unit { get; init; }
    public abstract Month Month { get; init; }
}

/// <summary>A null narrative leaves the previous narrative as it was.</summary>
public sealed record DraftSaved(UnitId Unit, Month Month, IReadOnlyList<FigureValue> Values, Narrative? Narrative) : ReportEvent;

/// <summary>
/// <see cref="SubmittedBy"/> is the account that submitted, kept so no one approves their own
/// submission; null on events recorded before it was kept (readers take the event's actor then).
/// <see cref="Warnings"/> are the data-quality doubts found at submission (<see cref="FigureWarnings"/>),
/// written only when there are some, so a clean submission reads as one recorded before the checks.
/// </summary>
public sealed record ReportSubmitted(
    UnitId Unit, Month Month, IReadOnlyList<FigureValue> Values, Narrative? Narrative,
    DateTimeOffset SubmittedAt, bool OnTime, DateOnly Deadline, string? SubmittedBy = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<FigureWarning>? Warnings = null) : ReportEvent;

public sealed record ReportReturned(UnitId Unit, Month Month, string Reason) : ReportEvent;

public sealed record ReportApproved(UnitId Unit, Month Month) : ReportEvent;

/// <summary>A correction never edits the submission: it records only the figures that changed, and why.</summary>
public sealed record FiguresCorrected(UnitId Unit, Month Month, IReadOnlyList<FigureChange> Changes, string Reason) : ReportEvent;
