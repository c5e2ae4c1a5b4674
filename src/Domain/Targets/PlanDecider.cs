using GovReport.Domain.Errors;

namespace GovReport.Domain.Targets;

public static class PlanDecider
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public static AnnualPlan? Initial => null;

    public static Decision<PlanEvent> Decide(SetAnnualTargets command, AnnualPlan? state)
    {
        if (Validate(command) is { } error) return Decision<PlanEvent>.Fail(error);

        if (state is not null && state.Baseline != command.Baseline)
            return Decision<PlanEvent>.Fail(ErrorCodes.WrongStream, $"This stream holds the {state.Baseline.ToApiString()} plan, not the {command.Baseline.ToApiString()} one.", "plan");

        var decision = string.IsNullOrWhiteSpace(command.Decision) ? null : command.Decision.Trim();
        if (state is null)
            return Decision<PlanEvent>.Ok(new AnnualTargetsSet(
                command.Unit, command.Year, command.Targets, decision, command.By, command.At, PlanBaselines.Recorded(command.Baseline)));

        if (TargetLine.SameLines(state.Current.Targets, command.Targets) && decision == state.Current.Decision)
            return Decision<PlanEvent>.Nothing;

        if (string.IsNullOrWhiteSpace(command.Reason))
            return Decision<PlanEvent>.Fail(ErrorCodes.ReasonRequired, "Revising a plan needs a reason.", "reason");

        return Decision<PlanEvent>.Ok(new AnnualTargetsRevised(
            command.Unit, command.Year, command.Targets, decision, command.Reason.Trim(), command.By, command.At,
            PlanBaselines.Recorded(command.Baseline)));
    }

    private static DomainError? Validate(SetAnnualTargets command)
    {
        if (command.Year is < MinYear or > MaxYear)
            return new DomainError(ErrorCodes.InvalidYear, $"A plan year is {MinYear}..{MaxYear}.", "year");

        var seen = new HashSet<Catalogue.IndicatorCode>();
        for (var i = 0; i < command.Targets.Count; i++)
        {
            var line = command.Targets[i];
            if (!seen.Add(line.Indicator))
                return new DomainError(ErrorCodes.DuplicateIndicator, $"'{line.Indicator}' appears more than once.", $"targets[{i}].indicator");
            if (line.Monthly is null) continue;
            if (line.Monthly.Count != 12)
                return new DomainError(ErrorCodes.InvalidPhasing, "Monthly phasing needs exactly 12 numbers, January first.", $"targets[{i}].monthly");
            for (var m = 0; m < 12; m++)
            {
                if (line.Monthly[m] < 0)
                    return new DomainError(ErrorCodes.NegativeValue, "A monthly target cannot be negative.", $"targets[{i}].monthly[{m}]");
            }
        }

        return null;
    }

    public static AnnualPlan? Evolve(AnnualPlan? state, PlanEvent @event) => @event switch
    {
        AnnualTargetsSet e => new AnnualPlan(e.Unit, e.Year, [new PlanRevision(1, e.Targets, e.Decision, null, e.By, e.At)],
            e.Baseline ?? PlanBaseline.Assigned),
        AnnualTargetsRevised e when state is not null => state with
        {
            Revisions = [.. state.Revisions, new PlanRevision(state.Revisions.Count + 1, e.Targets, e.Decision, e.Reason, e.By, e.At)],
        },
        _ => state,
    };

    public static AnnualPlan? Fold(IEnumerable<PlanEvent> events) => Decider.Fold(events);

    public static Decider<SetAnnualTargets, AnnualPlan?, PlanEvent> Decider { get; } = new(Initial, Decide, Evolve);
}
