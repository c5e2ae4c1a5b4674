namespace GovReport.Host.Infrastructure.Auth;

/// <summary>
/// The one place that says which units a caller may read and act for. Roles alone are checked by
/// the endpoint policies (<see cref="Policies"/>); everything that depends on a unit is decided
/// here, from the caller's <c>unit</c> claims and the unit tree.
/// </summary>
/// <remarks>
/// Auditors, planners and admins read every unit. Reporters and approvers read the units they
/// hold and everything under them: a commune's figures are its district's business, not a
/// neighbouring commune's. A block (khối) spans subtrees, so a scoped caller reads a block only
/// when every member lies within its subtrees.
/// </remarks>
/// <summary>What a caller does to a unit; a stored idempotent answer remembers which it was given under.</summary>
public enum UnitAction { Read, File, Review, Correct, PublishSummary }

public sealed class UnitAccess(CurrentUser user, IReadOnlyDictionary<string, string?> parents, ReviewOptions options)
{
    // A unit tree deeper than this is a cycle in bad data, not a real hierarchy.
    private const int MaxDepth = 64;

    public CurrentUser User => user;

    public bool ReadsEverything => user.IsAdmin || user.IsInRole(Roles.Auditor) || user.IsInRole(Roles.Planner);

    private bool IsScopedReader => user.IsInRole(Roles.Reporter) || user.IsInRole(Roles.Approver);

    public bool CanRead(string unit) => ReadsEverything || (IsScopedReader && HoldsUnitOrAncestor(unit));

    /// <summary>Every one of <paramref name="units"/>, e.g. a block's members; none at all is nothing to read.</summary>
    public bool CanReadAll(IReadOnlyCollection<string> units) => ReadsEverything || (units.Count > 0 && units.All(CanRead));

    /// <summary>Drafts and submissions come from the unit itself: its reporter (or an admin).</summary>
    public bool CanFile(string unit)
    {
        if (user.IsAdmin) return true;
        if (user.IsReadOnly) return false;
        return IsScopedReader && user.Units.Contains(unit);
    }

    /// <summary>Approving and returning: an approver of a unit above this one (or of this one, where the deployment allows).</summary>
    public bool CanReview(string unit)
    {
        if (user.IsAdmin) return true;
        if (user.IsReadOnly || !user.IsInRole(Roles.Approver)) return false;
        return options.ApproverMayApproveOwnUnit ? HoldsUnitOrAncestor(unit) : HoldsAncestor(unit);
    }

    /// <summary>A correction may come from the unit that filed it or from whoever reviews it.</summary>
    public bool CanCorrect(string unit) => CanFile(unit) || CanReview(unit);

    /// <summary>An on-demand summary of a unit: an approver who holds it or a unit above it.</summary>
    public bool CanPublishSummary(string unit)
    {
        if (user.IsAdmin) return true;
        if (user.IsReadOnly || !user.IsInRole(Roles.Approver)) return false;
        return HoldsUnitOrAncestor(unit);
    }

    public bool Allows(UnitAction action, string unit) => action switch
    {
        UnitAction.Read => CanRead(unit),
        UnitAction.File => CanFile(unit),
        UnitAction.Review => CanReview(unit),
        UnitAction.Correct => CanCorrect(unit),
        UnitAction.PublishSummary => CanPublishSummary(unit),
        _ => false,
    };

    private bool HoldsUnitOrAncestor(string unit) => user.Units.Contains(unit) || HoldsAncestor(unit);

    private bool HoldsAncestor(string unit)
    {
        var current = parents.GetValueOrDefault(unit);
        for (var depth = 0; current is not null && depth < MaxDepth; depth++)
        {
            if (user.Units.Contains(current)) return true;
            current = parents.GetValueOrDefault(current);
        }
        return false;
    }
}
