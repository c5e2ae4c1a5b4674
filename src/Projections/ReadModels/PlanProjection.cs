using System.Text.Json;
using GovReport.Domain.Targets;
using GovReport.EventStore;
using GovReport.Projections.Serialization;

namespace GovReport.Projections.ReadModels;

/// <summary>
/// Every plan revision, side by side: a revision never overwrites what was planned before.
/// The revision number is the event's version in the plan stream.
/// </summary>
internal static class PlanProjection
{
    public static Task ApplyAsync(ProjectionContext context, RecordedEvent recorded, object @event) => @event switch
    {
        AnnualTargetsSet e => InsertAsync(context, recorded, e.Unit.Value, e.Year, e.Baseline, e.Decision, null, e.Targets, e.At),
        AnnualTargetsRevised e => InsertAsync(context, recorded, e.Unit.Value, e.Year, e.Baseline, e.Decision, e.Reason, e.Targets, e.At),
        _ => Task.CompletedTask,
    };

    private static Task InsertAsync(ProjectionContext context, RecordedEvent recorded, string unit, int year, PlanBaseline? baseline,
        string? decision, string? reason, IReadOnlyList<TargetLine> targets, DateTimeOffset? decidedAt) =>
        context.ExecuteAsync("""
            INSERT INTO {0}.plan_revisions (unit_id, year, plan, revision, decision, reason, set_by, set_at, recorded_at, targets)
            VALUES (@unit, @year, @plan, @revision, @decision, @reason, @by, @at, @recorded, @targets::jsonb)
            """, ("unit", unit), ("year", year), ("plan", (baseline ?? PlanBaseline.Assigned).ToApiString()), ("revision", (int)recorded.Version), ("decision", decision),
            ("reason", reason), ("by", recorded.Metadata.Actor), ("at", (decidedAt ?? recorded.RecordedAt).ToUniversalTime()),
            ("recorded", recorded.RecordedAt),
            ("targets", JsonSerializer.Serialize(targets, EventSerializer.Options)));
}
