using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;

namespace GovReport.Domain.Restructurings;

public enum RestructuringKind { Merge, Split, Move, Rename, Dissolve }

public static class RestructuringKinds
{
    private static readonly (RestructuringKind Value, string Name)[] Names =
    [
        (RestructuringKind.Merge, "merge"), (RestructuringKind.Split, "split"), (RestructuringKind.Move, "move"),
        (RestructuringKind.Rename, "rename"), (RestructuringKind.Dissolve, "dissolve"),
    ];

    public static string ToApiString(this RestructuringKind kind) => Names.First(n => n.Value == kind).Name;

    public static bool TryParse(string? text, out RestructuringKind kind, out string? error) =>
        ApiNames.TryParse(Names, text, "restructuring kind", out kind, out error);

    /// <summary>Kinds after which the predecessors no longer exist as reporting units.</summary>
    public static bool Retires(this RestructuringKind kind) => kind is RestructuringKind.Merge or RestructuringKind.Split or RestructuringKind.Dissolve;
}

/// <summary>A successor of a split and the share of the predecessor's figures it takes (shares add up to 1).</summary>
public sealed record SuccessorShare(UnitId Unit, decimal Share);

/// <summary>
/// One restructuring as recorded, whatever its kind: the units it retires or changes
/// (<see cref="Predecessors"/>: a merge's predecessors, a split's predecessor, the unit moved,
/// renamed or dissolved) and the units that carry their figures on (<see cref="Successors"/>:
/// a merge's successor with share 1, a split's successors with their shares). From
/// <see cref="EffectiveMonth"/> on the new shape holds; before it, the old one.
/// </summary>
public sealed record Restructuring(
    string Id,
    RestructuringKind Kind,
    Month EffectiveMonth,
    string Decision,
    string? Reason,
    IReadOnlyList<UnitId> Predecessors,
    IReadOnlyList<SuccessorShare> Successors,
    UnitId? ParentId = null,
    UnitId? PreviousParentId = null,
    string? Name = null,
    string? PreviousName = null)
{
    /// <summary>Every unit the restructuring names, the moved unit's old and new parents included.</summary>
    public IEnumerable<UnitId> Units =>
        Predecessors.Concat(Successors.Select(s => s.Unit))
            .Concat(ParentId is { } p ? [p] : []).Concat(PreviousParentId is { } q ? [q] : []).Distinct();

    public UnitId Subject => Predecessors[0];
}
