using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;

namespace GovReport.Domain.Reports;

/// <summary>Commands on a monthly report stream. Who and when arrive with the command; the domain has no clock.</summary>
public abstract record ReportCommand
{
    private protected ReportCommand() { }

    public abstract UnitId Unit { get; init; }
    public abstract Month Month { get; init; }
    public abstract string By { get; init; }
    public abstract DateTimeOffset At { get; init; }
}

public sealed record SaveDraft(
    UnitId Unit, Month Month, IReadOnlyList<FigureValue> Values, Narrative? Narrative,
    string By, DateTimeOffset At) : ReportCommand;

/// <summary>Whether the submission is on time is the calendar's judgement, made by the caller.</summary>
public sealed record SubmitReport(
    UnitId Unit, Month Month, IReadOnlyList<FigureValue>? Values, Narrative? Narrative,
    bool OnTime, DateOnly Deadline, string By, DateTimeOffset At) : ReportCommand
{
    /// <summary>What the data-quality checks compare with; without it the submission records no warnings.</summary>
    public QualityContext? Quality { get; init; }

    /// <summary>A submission made at <paramref name="at"/>, with the deadline for the unit's level and whether it was met.</summary>
    public static SubmitReport Judged(ReportingCalendar calendar, UnitLevel level, UnitId unit, Month month,
        IReadOnlyList<FigureValue>? values, Narrative? narrative, string by, DateTimeOffset at) =>
        new(unit, month, values, narrative, calendar.IsOnTime(month, level, at), calendar.Deadline(month, level), by, at);
}

public sealed record ReturnReport(UnitId Unit, Month Month, string Reason, string By, DateTimeOffset At) : ReportCommand;

public sealed record ApproveReport(UnitId Unit, Month Month, string By, DateTimeOffset At) : ReportCommand;

public sealed record CorrectFigures(
    UnitId Unit, Month Month, IReadOnlyList<FigureValue> Values, string Reason,
    string By, DateTimeOffset At) : ReportCommand;
