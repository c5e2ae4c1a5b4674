using GovReport.Domain.Catalogue;
using GovReport.Domain.Errors;
using GovReport.Domain.Periods;

namespace GovReport.Domain.Restructurings;

/// <summary>
/// Judges restructurings: the units named exist, a merge or split has distinct predecessors and
/// successors, a unit is retired (merged, split, dissolved) at most once, no restructuring closes
/// a loop (in the tree, or in the lineage a successor's history is read through), the effective
/// month lies within <see cref="PeriodBounds"/> and, without a reason, not before a predecessor's
/// last approved report.
/// </summary>
public static class RestructuringDecider
{
    public const int MaxDecisionLength = 500;
    public const int MaxReasonLength = 2_000;
    public const int MaxUnits = 200;

    public static RestructuringLog Initial => RestructuringLog.Empty;

    public static Decision<RestructuringEvent> Decide(RestructuringCommand command, RestructuringLog state) => command switch
    {
        RecordRestructuring record => Record(record.Proposed, record.Facts, state),
        RevertRestructuring revert => Revert(revert, state),
        _ => Decision<RestructuringEvent>.Nothing,
    };

    public static RestructuringLog Evolve(RestructuringLog state, RestructuringEvent @event) => @event switch
    {
        RestructuringReverted e => state with { Reverted = new HashSet<string>(state.Reverted) { e.Id } },
        _ when RestructuringEvents.Recorded(@event) is { } r && state.Find(r.Id) is null => state with { All = [.. state.All, r] },
        _ => state,
    };

    public static Decider<RestructuringCommand, RestructuringLog, RestructuringEvent> Decider { get; } = new(Initial, Decide, Evolve);

    private static Decision<RestructuringEvent> Record(Restructuring r, RestructuringFacts facts, RestructuringLog state)
    {
        if (Check(r, facts, state) is { } error) return Decision<RestructuringEvent>.Fail(error);
        var complete = r.Kind switch
        {
            RestructuringKind.Move => r with { PreviousParentId = facts.Units[r.Subject].ParentId },
            RestructuringKind.Rename => r with { PreviousName = facts.Units[r.Subject].Name },
            _ => r,
        };
        return Decision<RestructuringEvent>.Ok(RestructuringEvents.For(complete));
    }

    private static DomainError? Check(Restructuring r, RestructuringFacts facts, RestructuringLog state)
    {
        static DomainError Bad(string field, string message) => new(ErrorCodes.InvalidRestructuring, message, field);

        if (state.Find(r.Id) is not null) return Bad("id", $"A restructuring '{r.Id}' is already recorded.");
        if (string.IsNullOrWhiteSpace(r.Decision)) return Bad("decision", "Name the decision behind the restructuring (e.g. Nghị quyết 1683/NQ-UBTVQH15).");
        if (r.Decision.Length > MaxDecisionLength) return Bad("decision", $"'decision' has at most {MaxDecisionLength} characters.");
        if (r.Reason is { Length: > MaxReasonLength }) return Bad("reason", $"'reason' has at most {MaxReasonLength} characters.");
        if (PeriodBounds.Check(r.EffectiveMonth, facts.Today) is { } outOfBounds) return Bad("effectiveMonth", outOfBounds);

        var (before, after) = Fields(r.Kind);
        if (r.Predecessors.Count == 0) return Bad(before, "Name at least one unit.");
        if (r.Predecessors.Count + r.Successors.Count > MaxUnits) return Bad(before, $"A restructuring names at most {MaxUnits} units.");
        if (r.Predecessors.Distinct().Count() != r.Predecessors.Count) return Bad(before, "A unit is named twice.");
        foreach (var unit in r.Predecessors)
            if (!facts.Units.ContainsKey(unit)) return Bad(before, $"No unit '{unit}' is registered.");
        foreach (var successor in r.Successors)
            if (!facts.Units.ContainsKey(successor.Unit)) return Bad(after, $"No unit '{successor.Unit}' is registered; register it first with PUT /api/units/{successor.Unit}.");

        var inEffect = state.InEffect.ToList();
        var lineage = new Lineage(inEffect);
        foreach (var unit in r.Predecessors)
            if (lineage.RetirementOf(unit.Value) is { } earlier)
                return Bad(before, $"'{unit}' was already {Verb(earlier.Kind)} from {earlier.EffectiveMonth} ({earlier.Id}); revert that first.");

        return r.Kind switch
        {
            RestructuringKind.Merge or RestructuringKind.Split => CheckSuccession(r, facts, lineage, after),
            RestructuringKind.Move => CheckMove(r, facts, lineage),
            RestructuringKind.Rename => string.IsNullOrWhiteSpace(r.Name) ? Bad("name", "'name' is required.")
                : r.Name.Length > UnitDecider.MaxNameLength ? Bad("name", $"'name' has at most {UnitDecider.MaxNameLength} characters.") : null,
            _ => null,
        } ?? CheckApproved(r, facts);

        DomainError? CheckApproved(Restructuring r, RestructuringFacts facts)
        {
            if (!r.Kind.Retires() || !string.IsNullOrWhiteSpace(r.Reason)) return null;
            foreach (var unit in r.Predecessors)
                if (facts.Units[unit].LastApproved is { } last && last >= r.EffectiveMonth)
                    return Bad("effectiveMonth", $"'{unit}' has an approved report for {last}, on or after {r.EffectiveMonth}; give a reason to restructure from then anyway.");
            return null;
        }
    }

    private static DomainError? CheckSuccession(Restructuring r, RestructuringFacts facts, Lineage lineage, string field)
    {
        static DomainError Bad(string field, string message) => new(ErrorCodes.InvalidRestructuring, message, field);
        if (r.Successors.Count == 0) return Bad(field, "Name the successor.");
        if (r.Successors.Select(s => s.Unit).Distinct().Count() != r.Successors.Count) return Bad(field, "A successor is named twice.");
        if (r.Kind == RestructuringKind.Split)
        {
            if (r.Successors.Any(s => s.Share <= 0 || s.Share > 1)) return Bad(field, "Each share lies above 0 and at most 1.");
            if (Math.Abs(r.Successors.Sum(s => s.Share) - 1m) > 0.000001m) return Bad(field, "The shares add up to 1.");
        }
        foreach (var successor in r.Successors.Select(s => s.Unit))
        {
            if (r.Predecessors.Contains(successor)) return Bad(field, $"'{successor}' cannot succeed itself.");
            if (lineage.RetirementOf(successor.Value) is { } retired && retired.EffectiveMonth <= r.EffectiveMonth)
                return Bad(field, $"'{successor}' was {Verb(retired.Kind)} from {retired.EffectiveMonth}; it cannot take on other units then.");
            // A successor inside a predecessor (or above it) would count the same figures twice.
            foreach (var predecessor in r.Predecessors)
                if (IsBeneath(facts.Parents, successor, predecessor) || IsBeneath(facts.Parents, predecessor, successor))
                    return Bad(field, $"'{successor}' and '{predecessor}' lie in one branch of the tree; a unit cannot succeed its own ancestor or descendant.");
            // The lineage would loop: the successor's figures already come from a predecessor's.
            foreach (var predecessor in r.Predecessors)
                if (lineage.HistoryOf(predecessor.Value).Contains(successor.Value))
                    return Bad(field, $"'{predecessor}' already carries the history of '{successor}'; this would close a loop.");
        }
        return null;
    }

    private static DomainError? CheckMove(Restructuring r, RestructuringFacts facts, Lineage lineage)
    {
        static DomainError Bad(string field, string message) => new(ErrorCodes.InvalidRestructuring, message, field);
        if (r.ParentId is not { } parent) return null;
        if (parent == r.Subject) return Bad("parentId", "A unit cannot be its own parent.");
        if (!facts.Units.ContainsKey(parent)) return Bad("parentId", $"No unit '{parent}' is registered.");
        if (UnitTree.WouldCreateCycle(facts.Parents, r.Subject, parent))
            return Bad("parentId", $"'{parent}' lies beneath '{r.Subject}'; the move would put the unit beneath itself.");
        if (lineage.RetirementOf(parent.Value) is { } retired && retired.EffectiveMonth <= r.EffectiveMonth)
            return Bad("parentId", $"'{parent}' was {Verb(retired.Kind)} from {retired.EffectiveMonth}.");
        if (lineage.RetirementOf(r.Subject.Value) is { } gone && gone.EffectiveMonth <= r.EffectiveMonth)
            return Bad("unit", $"'{r.Subject}' was {Verb(gone.Kind)} from {gone.EffectiveMonth}.");
        return null;
    }

    private static Decision<RestructuringEvent> Revert(RevertRestructuring command, RestructuringLog state)
    {
        if (string.IsNullOrWhiteSpace(command.Reason))
            return Decision<RestructuringEvent>.Fail(ErrorCodes.ReasonRequired, "Give the reason the restructuring is reverted.", "reason");
        if (command.Reason.Length > MaxReasonLength)
            return Decision<RestructuringEvent>.Fail(ErrorCodes.InvalidRestructuring, $"'reason' has at most {MaxReasonLength} characters.", "reason");
        if (state.Find(command.Id) is not { } r)
            return Decision<RestructuringEvent>.Fail(ErrorCodes.RestructuringNotFound, $"No restructuring '{command.Id}' is recorded.", "id");
        if (state.Reverted.Contains(r.Id))
            return Decision<RestructuringEvent>.Fail(ErrorCodes.InvalidTransition, $"Restructuring '{r.Id}' is already reverted.");
        // A later restructuring that builds on this one must go first, or its history would dangle.
        var later = state.InEffect.SkipWhile(x => x.Id != r.Id).Skip(1)
            .FirstOrDefault(x => x.Predecessors.Any(p => r.Successors.Any(s => s.Unit == p)));
        if (later is not null)
            return Decision<RestructuringEvent>.Fail(ErrorCodes.InvalidTransition, $"Restructuring '{later.Id}' builds on '{r.Id}'; revert it first.");
        return Decision<RestructuringEvent>.Ok(new RestructuringReverted(
            r.Id, command.Reason.Trim(), r.Kind, r.EffectiveMonth, [.. r.Units], r.PreviousParentId, r.PreviousName));
    }

    private static (string Before, string After) Fields(RestructuringKind kind) => kind switch
    {
        RestructuringKind.Merge => ("predecessors", "successor"),
        RestructuringKind.Split => ("predecessor", "successors"),
        _ => ("unit", "unit"),
    };

    public static string Verb(RestructuringKind kind) => kind switch
    {
        RestructuringKind.Merge => "merged",
        RestructuringKind.Split => "split",
        RestructuringKind.Dissolve => "dissolved",
        RestructuringKind.Move => "moved",
        _ => "renamed",
    };

    /// <summary>True when <paramref name="unit"/> lies strictly beneath <paramref name="ancestor"/>.</summary>
    private static bool IsBeneath(IReadOnlyDictionary<UnitId, UnitId?> parents, UnitId unit, UnitId ancestor)
    {
        var seen = new HashSet<UnitId>();
        for (var p = parents.GetValueOrDefault(unit); p is { } id && seen.Add(id); p = parents.GetValueOrDefault(id))
            if (id == ancestor) return true;
        return false;
    }
}
