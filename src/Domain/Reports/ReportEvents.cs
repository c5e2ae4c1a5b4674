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

public sealed record ReportSubmitted(
    UnitId Unit, Month Month, IReadOnlyList<FigureValue> Values, Narrative? Narrative,
    DateTimeOffset SubmittedAt, bool OnTime, DateOnly Deadline) : ReportEvent;

public sealed record ReportReturned(UnitId Unit, Month Month, string Reason) : ReportEvent;

public sealed record ReportApproved(UnitId Unit, Month Month) : ReportEvent;

/// <summary>A correction never edits the submission: it records only the figures that changed, and why.</summary>
public sealed record FiguresCorrected(UnitId Unit, Month Month, IReadOnlyList<FigureChange> Changes, string Reason) : ReportEvent;
