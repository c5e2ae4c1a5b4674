using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Restructurings;
using GovReport.Host.Infrastructure.Http;

namespace GovReport.Host.Features.Restructurings;

public sealed record SuccessorShareInput(string? Unit, decimal? Share);

/// <summary>
/// <c>POST /api/restructurings</c>: one shape for every kind; each kind reads only its own fields
/// (merge: predecessors, successor; split: predecessor, successors; move: unit, parentId; rename:
/// unit, name; dissolve: unit).
/// </summary>
public sealed record RestructuringRequest(
    string? Kind, string? EffectiveMonth, string? Decision, string? Reason,
    IReadOnlyList<string?>? Predecessors, string? Successor,
    string? Predecessor, IReadOnlyList<SuccessorShareInput?>? Successors,
    string? Unit, string? ParentId, string? Name)
{
    /// <summary>The restructuring the body describes, or null with every shape error in <paramref name="errors"/>.</summary>
    internal Restructuring? Parse(string id, InputErrors errors)
    {
        var kind = errors.Named<RestructuringKind>("kind", Kind, RestructuringKinds.TryParse);
        Month month = default;
        if (string.IsNullOrWhiteSpace(EffectiveMonth)) errors.Add("effectiveMonth", "'effectiveMonth' is required, e.g. 2025-07.");
        else if (!Month.TryParse(EffectiveMonth, out month, out var monthError)) errors.Add("effectiveMonth", monthError!);
        var decision = errors.Required("decision", Decision, RestructuringDecider.MaxDecisionLength);
        var reason = errors.Optional("reason", Reason, RestructuringDecider.MaxReasonLength);
        if (kind is null) return null;

        List<UnitId> predecessors = [];
        List<SuccessorShare> successors = [];
        UnitId? parent = null;
        string? name = null;
        switch (kind.Value)
        {
            case RestructuringKind.Merge:
                if (Predecessors is null || Predecessors.Count == 0) errors.Add("predecessors", "Name the merged units: [unitId…].");
                else if (Predecessors.Count > RestructuringDecider.MaxUnits) errors.Add("predecessors", $"At most {RestructuringDecider.MaxUnits} units.");
                else foreach (var text in Predecessors) if (errors.UnitId("predecessors", text) is { } p) predecessors.Add(p);
                if (Successor is null) errors.Add("successor", "Name the successor (register it first with PUT /api/units/{unitId}).");
                else if (errors.UnitId("successor", Successor) is { } s) successors.Add(new SuccessorShare(s, 1m));
                break;
            case RestructuringKind.Split:
                if (Predecessor is null) errors.Add("predecessor", "Name the unit that is split.");
                else if (errors.UnitId("predecessor", Predecessor) is { } p) predecessors.Add(p);
                if (Successors is null || Successors.Count == 0) errors.Add("successors", "Name the successors with their shares: [{unit, share}…].");
                else if (Successors.Count > RestructuringDecider.MaxUnits) errors.Add("successors", $"At most {RestructuringDecider.MaxUnits} units.");
                else foreach (var successor in Successors)
                {
                    if (successor?.Share is not { } share) { errors.Add("successors", "Each successor has a unit and a share."); continue; }
                    if (errors.UnitId("successors", successor.Unit) is { } s) successors.Add(new SuccessorShare(s, share));
                }
                break;
            default:
                if (Unit is null) errors.Add("unit", "Name the unit.");
                else if (errors.UnitId("unit", Unit) is { } u) predecessors.Add(u);
                if (kind == RestructuringKind.Move && ParentId is not null) parent = errors.UnitId("parentId", ParentId);
                if (kind == RestructuringKind.Move && ParentId is null) errors.Add("parentId", "Name the new parent.");
                if (kind == RestructuringKind.Rename) name = errors.Required("name", Name, UnitDecider.MaxNameLength);
                break;
        }
        if (errors.Any) return null;
        return new Restructuring(id, kind.Value, month, decision!, reason, predecessors, successors, ParentId: parent, Name: name);
    }
}

public sealed record RevertRequest(string? Reason);
