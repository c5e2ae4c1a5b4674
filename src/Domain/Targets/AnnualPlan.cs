using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;

namespace GovReport.Domain.Targets;

/// <summary>One version of a plan; <see cref="Number"/> counts from 1 (the plan as first set).</summary>
public sealed record PlanRevision(
    int Number, IReadOnlyList<TargetLine> Targets, string? Decision, string? Reason, string? By, DateTimeOffset? At)
{
    public TargetLine? For(IndicatorCode indicator) => Targets.FirstOrDefault(t => t.Indicator == indicator);
}

/// <summary>A unit's plan for a year with every version it has had, oldest first.</summary>
public sealed record AnnualPlan(UnitId Unit, int Year, IReadOnlyList<PlanRevision> Revisions, PlanBaseline Baseline = PlanBaseline.Assigned)
{
    public PlanRevision Current => Revisions[^1];

    /// <summary>
    /// The revision a comparison of <paramref name="month"/> is held to: the one in force at the
    /// month's end (a mid-year revision applies from its decision, never to the months before it);
    /// where the plan was first set only after that, its first revision, since a year's plan is
    /// usually decided after the year has begun. Comparisons "as of" an instant give only the
    /// revisions recorded by then.
    /// </summary>
    public PlanRevision InForceFor(Month month)
    {
        var end = new DateTimeOffset(month.End.ToDateTime(TimeOnly.MaxValue), ReportingCalendar.VietnamOffset);
        return Revisions.LastOrDefault(r => r.At is null || r.At <= end) ?? Revisions[0];
    }
}
