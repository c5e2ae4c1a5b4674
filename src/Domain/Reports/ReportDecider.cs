using GovReport.Domain.Catalogue;
using GovReport.Domain.Errors;

namespace GovReport.Domain.Reports;

public static class ReportDecider
{
    public static MonthlyReport Initial => MonthlyReport.Initial;

    public static Decision<ReportEvent> Decide(ReportCommand command, MonthlyReport state)
    {
        if (state.Status != ReportStatus.None && (state.Unit != command.Unit || state.Month != command.Month))
            return Fail(ErrorCodes.WrongStream, $"This stream holds {state.Unit} {state.Month}, not {command.Unit} {command.Month}.");

        return command switch
        {
            SaveDraft c => SaveDraft(c, state),
            SubmitReport c => Submit(c, state),
            ReturnReport c => Return(c, state),
            ApproveReport c => Approve(c, state),
            CorrectFigures c => Correct(c, state),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown report command."),
        };
    }

    private static Decision<ReportEvent> SaveDraft(SaveDraft c, MonthlyReport state)
    {
        if (state.Status is not (ReportStatus.None or ReportStatus.Draft or ReportStatus.Returned))
            return NotWhen(state, "saved as a draft");
        if (Duplicate(c.Values) is { } duplicate) return Decision<ReportEvent>.Fail(duplicate);

        var values = MonthlyReport.Ordered(c.Values);
        if (state.Status == ReportStatus.Draft && values.SequenceEqual(state.Values) && (c.Narrative is null || c.Narrative == state.Narrative))
            return Decision<ReportEvent>.Nothing;
        return Decision<ReportEvent>.Ok(new DraftSaved(c.Unit, c.Month, values, c.Narrative));
    }

    private static Decision<ReportEvent> Submit(SubmitReport c, MonthlyReport state)
    {
        if (state.Status is not (ReportStatus.None or ReportStatus.Draft or ReportStatus.Returned))
            return NotWhen(state, "submitted");
        if (c.Values is not null && Duplicate(c.Values) is { } duplicate) return Decision<ReportEvent>.Fail(duplicate);

        var values = c.Values is null ? state.Values : MonthlyReport.Ordered(c.Values);
        if (values.Count == 0)
            return Fail(ErrorCodes.NoValues, "A report needs at least one figure before it can be submitted.", "values");
        // Doubts about the figures never block the submission: they are recorded for the approver.
        var warnings = c.Quality is null ? null : FigureWarnings.Check(values, c.Month, c.Quality);
        return Decision<ReportEvent>.Ok(new ReportSubmitted(
            c.Unit, c.Month, values, c.Narrative ?? state.Narrative, c.At, c.OnTime, c.Deadline, c.By,
            warnings is { Count: > 0 } ? warnings : null));
    }

    private static Decision<ReportEvent> Return(ReturnReport c, MonthlyReport state)
    {
        if (state.Status != ReportStatus.Submitted) return NotWhen(state, "returned");
        if (string.IsNullOrWhiteSpace(c.Reason))
            return Fail(ErrorCodes.ReasonRequired, "Returning a report needs a reason the unit can act on.", "reason");
        return Decision<ReportEvent>.Ok(new ReportReturned(c.Unit, c.Month, c.Reason.Trim()));
    }

    // Four eyes: whoever approves a report did not submit it, whatever roles the account holds.
    private static Decision<ReportEvent> Approve(ApproveReport c, MonthlyReport state)
    {
        if (state.Status != ReportStatus.Submitted) return NotWhen(state, "approved");
        if (state.SubmittedBy is { } submitter && string.Equals(submitter, c.By, StringComparison.Ordinal))
            return Fail(ErrorCodes.ApproverIsSubmitter, $"{c.By} submitted this report, so another account must approve it.");
        return Decision<ReportEvent>.Ok(new ReportApproved(c.Unit, c.Month));
    }

    private static Decision<ReportEvent> Correct(CorrectFigures c, MonthlyReport state)
    {
        if (state.Status is not (ReportStatus.Submitted or ReportStatus.Approved))
            return NotWhen(state, "corrected");
        if (string.IsNullOrWhiteSpace(c.Reason))
            return Fail(ErrorCodes.ReasonRequired, "A correction needs a reason.", "reason");
        if (Duplicate(c.Values) is { } duplicate) return Decision<ReportEvent>.Fail(duplicate);

        var changes = MonthlyReport.Ordered(c.Values)
            .Select(v => new FigureChange(v.Indicator, state.ValueOf(v.Indicator), v.Value))
            .Where(change => change.Previous != change.Value)
            .ToArray();
        if (changes.Length == 0)
            return Fail(ErrorCodes.NoChange, "The correction gives the figures the report already has.", "values");
        return Decision<ReportEvent>.Ok(new FiguresCorrected(c.Unit, c.Month, changes, c.Reason.Trim()));
    }

    public static MonthlyReport Evolve(MonthlyReport state, ReportEvent @event) => @event switch
    {
        DraftSaved e => state with
        {
            Status = ReportStatus.Draft, Unit = e.Unit, Month = e.Month,
            Values = MonthlyReport.Ordered(e.Values), Narrative = e.Narrative ?? state.Narrative, Warnings = null,
        },
        ReportSubmitted e => state with
        {
            Status = ReportStatus.Submitted, Unit = e.Unit, Month = e.Month,
            Values = MonthlyReport.Ordered(e.Values), Narrative = e.Narrative ?? state.Narrative,
            SubmittedAt = e.SubmittedAt, OnTime = e.OnTime, Deadline = e.Deadline, ReturnReason = null,
            SubmittedBy = e.SubmittedBy, Warnings = e.Warnings,
        },
        ReportReturned e => state with { Status = ReportStatus.Returned, ReturnReason = e.Reason },
        ReportApproved => state with { Status = ReportStatus.Approved },
        FiguresCorrected e => state with { Values = Apply(state.Values, e.Changes) },
        _ => state,
    };

    public static MonthlyReport Fold(IEnumerable<ReportEvent> events) => Decider.Fold(events);

    public static Decider<ReportCommand, MonthlyReport, ReportEvent> Decider { get; } = new(Initial, Decide, Evolve);

    private static IReadOnlyList<FigureValue> Apply(IReadOnlyList<FigureValue> values, IReadOnlyList<FigureChange> changes)
    {
        var byIndicator = values.ToDictionary(v => v.Indicator, v => v.Value);
        foreach (var change in changes) byIndicator[change.Indicator] = change.Value;
        return MonthlyReport.Ordered(byIndicator.Select(p => new FigureValue(p.Key, p.Value)));
    }

    private static DomainError? Duplicate(IReadOnlyList<FigureValue> values) =>
        FigureValidation.Duplicates(values).Select(d => d.Error).FirstOrDefault();

    private static Decision<ReportEvent> NotWhen(MonthlyReport state, string what) =>
        Fail(ErrorCodes.InvalidTransition, $"A report that is {state.Status.ToApiString()} cannot be {what}.");

    private static Decision<ReportEvent> Fail(string code, string message, string? field = null) =>
        Decision<ReportEvent>.Fail(code, message, field);
}
