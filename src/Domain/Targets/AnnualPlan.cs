using GovReport.Domain.Catalogue;

namespace GovReport.Domain.Targets;

/// <summary>One version of a plan; <see cref="Number"/> counts from 1 (the plan as first set).</summary>
public sealed record PlanRevision(
    int Number, IReadOnlyList<TargetLine> Targets, string? Decision, string? Reason, string? By, DateTimeOffset? At)
{
    public TargetLine? For(IndicatorCode indicator) => Targets.FirstOrDefault(t => t.Indicator == indicator);
}

/// <summary>A unit's plan for a year with every version it has had, oldest first.</summary>
public sealed record AnnualPlan(UnitId Unit, int Year, IReadOnlyList<PlanRevision> Revisions)
{
    public PlanRevision Current => Revisions[^1];

    /// <summary>The plan in force at an instant, for comparisons answered "as of" the past.</summary>
    public PlanRevision? AsOf(DateTimeOffset instant) =>
        Revisions.LastOrDefault(r => r.At is null || r.At <= instant);
}
