namespace GovReport.Domain.Catalogue;

/// <summary>Events of a unit's stream. The private-protected constructor keeps the set closed to this assembly.</summary>
public abstract record UnitEvent
{
    private protected UnitEvent() { }

    public abstract UnitId Id { get; init; }
}

public sealed record UnitRegistered(UnitId Id, string Name, UnitKind Kind, UnitId? ParentId, string? Block) : UnitEvent;

/// <param name="Restructuring">The restructuring (or its revert) that renamed the unit by decision; null for a plain PUT.</param>
public sealed record UnitRenamed(UnitId Id, string Name, string PreviousName, string? Restructuring = null) : UnitEvent;

/// <param name="Restructuring">The restructuring (or its revert) that moved the unit by decision; null for a plain PUT.</param>
public sealed record UnitMoved(UnitId Id, UnitId? ParentId, UnitId? PreviousParentId, string? Restructuring = null) : UnitEvent;

public sealed record UnitReclassified(UnitId Id, UnitKind Kind, string? Block) : UnitEvent;
