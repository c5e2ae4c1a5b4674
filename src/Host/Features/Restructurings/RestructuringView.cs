using GovReport.Domain.Restructurings;
using GovReport.Projections.Queries;

namespace GovReport.Host.Features.Restructurings;

public sealed record SuccessorShareView(string Unit, decimal Share);

public sealed record RevertView(DateTimeOffset At, string? Reason);

/// <summary>A restructuring as the API shows it: the request's own fields for its kind, and its record.</summary>
public sealed record RestructuringView(
    string Id, string Kind, string EffectiveMonth, string Decision, string? Reason,
    IReadOnlyList<string>? Predecessors, string? Successor, string? Predecessor, IReadOnlyList<SuccessorShareView>? Successors,
    string? Unit, string? ParentId, string? PreviousParentId, string? Name, string? PreviousName,
    DateTimeOffset RecordedAt, string? RecordedBy, bool Reverted, RevertView? Revert)
{
    internal static RestructuringView From(RestructuringRow row)
    {
        var r = row.Restructuring;
        var merge = r.Kind == RestructuringKind.Merge;
        var split = r.Kind == RestructuringKind.Split;
        var single = !merge && !split;
        return new RestructuringView(r.Id, r.Kind.ToApiString(), r.EffectiveMonth.ToString(), r.Decision, r.Reason,
            merge ? r.Predecessors.Select(p => p.Value).ToList() : null,
            merge ? r.Successors[0].Unit.Value : null,
            split ? r.Subject.Value : null,
            split ? r.Successors.Select(s => new SuccessorShareView(s.Unit.Value, s.Share)).ToList() : null,
            single ? r.Subject.Value : null,
            r.Kind == RestructuringKind.Move ? r.ParentId?.Value : null,
            r.Kind == RestructuringKind.Move ? r.PreviousParentId?.Value : null,
            r.Name, r.PreviousName,
            row.RecordedAt, row.RecordedBy, row.RevertedAt is not null,
            row.RevertedAt is { } at ? new RevertView(at, row.RevertReason) : null);
    }
}
