namespace GovReport.Domain.Catalogue;

/// <summary>Events of a unit's stream. The private-protected constructor keeps the set closed to this assembly.</summary>
public abstract record UnitEvent
{
    private protected UnitEvent() { }

    public abstract UnitId Id { get; init; }
}

public sealed record UnitRegistered(UnitId Id, string Name, UnitKind Kind, UnitId? ParentId, string? Block) : UnitEvent;

public sealed record UnitRenamed(UnitId Id, string Name, string PreviousName) : UnitEvent;

public sealed record UnitMoved(UnitId Id, UnitId? ParentId, UnitId? PreviousParentId) : UnitEvent;

public sealed record UnitReclassified(UnitId Id, UnitKind Kind, string? Block) : UnitEvent;
