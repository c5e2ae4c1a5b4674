using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;

namespace GovReport.Domain.Restructurings;

/// <summary>
/// Events of the restructurings stream (one stream for the whole country: the rules that judge a
/// restructuring — no unit retired twice, no cycle — need all of them). Each carries its
/// effective month and the legal decision (quyết định, nghị quyết) behind it. None is ever
/// edited: a mistake is undone by <see cref="RestructuringReverted"/>.
/// </summary>
public abstract record RestructuringEvent
{
    private protected RestructuringEvent() { }

    public abstract string Id { get; init; }
}

public sealed record UnitsMerged(string Id, Month EffectiveMonth, string Decision, string? Reason,
    IReadOnlyList<UnitId> Predecessors, UnitId Successor) : RestructuringEvent;

public sealed record UnitSplit(string Id, Month EffectiveMonth, string Decision, string? Reason,
    UnitId Predecessor, IReadOnlyList<SuccessorShare> Successors) : RestructuringEvent;

public sealed record UnitTransferred(string Id, Month EffectiveMonth, string Decision, string? Reason,
    UnitId Unit, UnitId? ParentId, UnitId? PreviousParentId) : RestructuringEvent;

public sealed record UnitRenamedByDecision(string Id, Month EffectiveMonth, string Decision, string? Reason,
    UnitId Unit, string Name, string PreviousName) : RestructuringEvent;

public sealed record UnitDissolved(string Id, Month EffectiveMonth, string Decision, string? Reason,
    UnitId Unit) : RestructuringEvent;

/// <summary>
/// Undoes a restructuring from the start, as if it had not been recorded; it carries what it
/// undid so a reader need not look the original up.
/// </summary>
public sealed record RestructuringReverted(string Id, string Reason, RestructuringKind Kind, Month EffectiveMonth,
    IReadOnlyList<UnitId> Units, UnitId? PreviousParentId, string? PreviousName) : RestructuringEvent;

public static class RestructuringEvents
{
    /// <summary>The restructuring an event records; null for a revert.</summary>
    public static Restructuring? Recorded(RestructuringEvent @event) => @event switch
    {
        UnitsMerged e => new(e.Id, RestructuringKind.Merge, e.EffectiveMonth, e.Decision, e.Reason, e.Predecessors, [new SuccessorShare(e.Successor, 1m)]),
        UnitSplit e => new(e.Id, RestructuringKind.Split, e.EffectiveMonth, e.Decision, e.Reason, [e.Predecessor], e.Successors),
        UnitTransferred e => new(e.Id, RestructuringKind.Move, e.EffectiveMonth, e.Decision, e.Reason, [e.Unit], [], e.ParentId, e.PreviousParentId),
        UnitRenamedByDecision e => new(e.Id, RestructuringKind.Rename, e.EffectiveMonth, e.Decision, e.Reason, [e.Unit], [], Name: e.Name, PreviousName: e.PreviousName),
        UnitDissolved e => new(e.Id, RestructuringKind.Dissolve, e.EffectiveMonth, e.Decision, e.Reason, [e.Unit], []),
        _ => null,
    };

    /// <summary>The event that records <paramref name="r"/>.</summary>
    public static RestructuringEvent For(Restructuring r) => r.Kind switch
    {
        RestructuringKind.Merge => new UnitsMerged(r.Id, r.EffectiveMonth, r.Decision, r.Reason, r.Predecessors, r.Successors[0].Unit),
        RestructuringKind.Split => new UnitSplit(r.Id, r.EffectiveMonth, r.Decision, r.Reason, r.Predecessors[0], r.Successors),
        RestructuringKind.Move => new UnitTransferred(r.Id, r.EffectiveMonth, r.Decision, r.Reason, r.Subject, r.ParentId, r.PreviousParentId),
        RestructuringKind.Rename => new UnitRenamedByDecision(r.Id, r.EffectiveMonth, r.Decision, r.Reason, r.Subject, r.Name!, r.PreviousName ?? ""),
        _ => new UnitDissolved(r.Id, r.EffectiveMonth, r.Decision, r.Reason, r.Subject),
    };
}
