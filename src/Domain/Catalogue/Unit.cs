namespace GovReport.Domain.Catalogue;

/// <summary>A registered unit as its stream currently describes it.</summary>
public sealed record Unit(UnitId Id, string Name, UnitKind Kind, UnitId? ParentId, string? Block);

/// <summary>PUT semantics: the first definition registers the unit, later ones record only what changed.</summary>
public sealed record DefineUnit(UnitId Id, string Name, UnitKind Kind, UnitId? ParentId, string? Block);
