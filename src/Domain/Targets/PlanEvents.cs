using System.Text.Json.Serialization;
using GovReport.Domain.Catalogue;

namespace GovReport.Domain.Targets;

/// <summary>Events of an annual plan stream, one stream per unit and year.</summary>
public abstract record PlanEvent
{
    private protected PlanEvent() { }

    public abstract UnitId Unit { get; init; }
    public abstract int Year { get; init; }

    /// <summary>The plan's baseline; null on the assigned plan's events, as on every event recorded before baselines.</summary>
    public abstract PlanBaseline? Baseline { get; init; }
}

public sealed record AnnualTargetsSet(
    UnitId Unit, int Year, IReadOnlyList<TargetLine> Targets, string? Decision,
    string? By = null, DateTimeOffset? At = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PlanBaseline? Baseline = null) : PlanEvent;

/// <summary>A mid-year revision (điều chỉnh kế hoạch). It stands beside the earlier plan, never over it.</summary>
public sealed record AnnualTargetsRevised(
    UnitId Unit, int Year, IReadOnlyList<TargetLine> Targets, string? Decision, string Reason,
    string? By = null, DateTimeOffset? At = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PlanBaseline? Baseline = null) : PlanEvent;
