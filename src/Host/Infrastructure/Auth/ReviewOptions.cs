namespace GovReport.Host.Infrastructure.Auth;

/// <summary>How far an approver's authority reaches, bound from the <c>Reports</c> section.</summary>
public sealed class ReviewOptions
{
    public const string Section = "Reports";

    /// <summary>
    /// False (the default): an approver approves and returns only the reports of units strictly
    /// below the units it holds, so a unit never signs off its own report. Some deployments let
    /// the head of a unit approve the unit's own report; they set this to true.
    /// </summary>
    public bool ApproverMayApproveOwnUnit { get; set; }
}
