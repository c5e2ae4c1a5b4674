using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;

namespace GovReport.Domain.Restructurings;

public abstract record RestructuringCommand
{
    private protected RestructuringCommand() { }
}

/// <summary>Records <paramref name="Proposed"/>, judged against <paramref name="Facts"/> the caller read from the catalogue.</summary>
public sealed record RecordRestructuring(Restructuring Proposed, RestructuringFacts Facts) : RestructuringCommand;

public sealed record RevertRestructuring(string Id, string Reason) : RestructuringCommand;

/// <summary>What the catalogue says of a unit the restructuring names.</summary>
public sealed record UnitFacts(string Name, UnitId? ParentId, Month? LastApproved);

/// <summary>
/// The facts a restructuring is judged against, read by the caller so the decider stays pure:
/// the units it names (absent: not registered), every unit's parent (for cycles) and today.
/// </summary>
public sealed record RestructuringFacts(
    IReadOnlyDictionary<UnitId, UnitFacts> Units, IReadOnlyDictionary<UnitId, UnitId?> Parents, DateOnly Today);

/// <summary>Every restructuring recorded, in order, with whether it was reverted.</summary>
public sealed record RestructuringLog(IReadOnlyList<Restructuring> All, IReadOnlySet<string> Reverted)
{
    public static RestructuringLog Empty { get; } = new([], new HashSet<string>());

    public IEnumerable<Restructuring> InEffect => All.Where(r => !Reverted.Contains(r.Id));

    public Restructuring? Find(string id) => All.FirstOrDefault(r => r.Id == id);
}
