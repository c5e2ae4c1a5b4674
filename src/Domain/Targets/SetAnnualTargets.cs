using GovReport.Domain.Catalogue;

namespace GovReport.Domain.Targets;

/// <summary>Sets a unit's plan for a year; <see cref="Decision"/> is the quyết định that set it.</summary>
public sealed record SetAnnualTargets(
    UnitId Unit, int Year, IReadOnlyList<TargetLine> Targets, string? Decision, string? Reason,
    string By, DateTimeOffset At, PlanBaseline Baseline = PlanBaseline.Assigned);
