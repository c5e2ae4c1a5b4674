using GovReport.Domain.Catalogue;
using GovReport.Domain.Targets;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace GovReport.Benchmarks.SideBySide.MartenSide;

/// <summary>A unit and its parent: what the figures grouper looks up to route a report to its province.</summary>
public sealed class UnitLink
{
    public string Id { get; set; } = "";
    public string Unit { get; set; } = "";
    public string? Parent { get; set; }
}

/// <summary>Inline, as the docs' lookup pattern for multi-stream grouping says, so a lookup is there when the daemon groups.</summary>
public partial class UnitLinkProjection : SingleStreamProjection<UnitLink, string>
{
    public void Apply(UnitLink link, UnitRegistered e) => (link.Unit, link.Parent) = (e.Id.Value, e.ParentId?.Value);

    public void Apply(UnitLink link, UnitMoved e) => link.Parent = e.ParentId?.Value;
}

/// <summary>The catalogue's indicator, as the comparisons read it.</summary>
public sealed class IndicatorDocument
{
    public string Id { get; set; } = "";
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Measure { get; set; } = "";
    public Aggregation Aggregation { get; set; }
    public Direction Direction { get; set; }
    public string? Sector { get; set; }
    public bool AllowsNegative { get; set; }

    public Indicator ToIndicator() => new(IndicatorCode.Parse(Code), Name, Measure, Aggregation, Direction, Sector, AllowsNegative);
}

public partial class IndicatorProjection : SingleStreamProjection<IndicatorDocument, string>
{
    public void Apply(IndicatorDocument d, IndicatorDefined e) =>
        (d.Code, d.Name, d.Measure, d.Aggregation, d.Direction, d.Sector, d.AllowsNegative) =
        (e.Code.Value, e.Name, e.Measure, e.Aggregation, e.Direction, e.Sector, e.AllowsNegative);

    public void Apply(IndicatorDocument d, IndicatorRevised e) =>
        (d.Code, d.Name, d.Measure, d.Aggregation, d.Direction, d.Sector, d.AllowsNegative) =
        (e.Code.Value, e.Name, e.Measure, e.Aggregation, e.Direction, e.Sector, e.AllowsNegative);
}

/// <summary>A unit's plan for a year, every revision kept with the instant it took effect.</summary>
public sealed class PlanDocument
{
    public string Id { get; set; } = "";
    public List<PlanRevisionEntry> Revisions { get; set; } = [];
}

public sealed record PlanRevisionEntry(PlanRevision Revision, DateTimeOffset SetAt);

public partial class PlanProjection : SingleStreamProjection<PlanDocument, string>
{
    public void Apply(PlanDocument plan, IEvent<AnnualTargetsSet> e) => Add(plan, e.Data.Targets, e.Data.Decision, null, e.Data.By, e.Data.At ?? e.Timestamp);

    public void Apply(PlanDocument plan, IEvent<AnnualTargetsRevised> e) => Add(plan, e.Data.Targets, e.Data.Decision, e.Data.Reason, e.Data.By, e.Data.At ?? e.Timestamp);

    private static void Add(PlanDocument plan, IReadOnlyList<TargetLine> targets, string? decision, string? reason, string? by, DateTimeOffset at) =>
        plan.Revisions.Add(new PlanRevisionEntry(new PlanRevision(plan.Revisions.Count + 1, targets, decision, reason, by, at), at));
}
