using System.Text.Json.Serialization;
using GovReport.Domain;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Targets;
using GovReport.EventStore;
using GovReport.Projections.Serialization;

namespace GovReport.Host.Features.Targets;

public sealed record TargetLineView(
    string Indicator,
    decimal Value,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<decimal>? Monthly);

/// <summary>One version of a plan. <see cref="SetAt"/> is when it was recorded, the instant <c>asOf</c> compares with.</summary>
public sealed record PlanRevisionView(
    int Revision, string? Decision, string? Reason, string SetBy, DateTimeOffset SetAt, IReadOnlyList<TargetLineView> Targets);

/// <summary>A unit's annual plan: the revision in force and every revision it has had, oldest first.</summary>
/// <param name="Plan">The baseline: assigned, council or stretch.</param>
public sealed record PlanView(
    string Unit, int Year, long Version, DateTimeOffset? AsOf, PlanRevisionView Current, IReadOnlyList<PlanRevisionView> Revisions,
    string Plan = "assigned");

/// <summary>
/// Folds a plan stream together with the events' own record: who appended each revision and
/// when the store recorded it, so the times shown are the ones an <c>asOf</c> read is cut at.
/// </summary>
internal static class PlanHistory
{
    public static async Task<PlanView?> LoadAsync(
        PgEventStore store, UnitId unit, int year, long? toVersion, DateTimeOffset? asOf, CancellationToken ct,
        PlanBaseline baseline = PlanBaseline.Assigned)
    {
        var recorded = await store.ReadStreamAsync(StreamIds.Plan(unit, year, baseline), toVersion, asOf, ct);
        AnnualPlan? plan = null;
        var stamps = new List<(string By, DateTimeOffset At)>();
        foreach (var stored in recorded)
        {
            if (EventSerializer.Deserialize(stored) is not PlanEvent @event) continue;
            var next = PlanDecider.Evolve(plan, @event);
            if (next is not null && next.Revisions.Count > (plan?.Revisions.Count ?? 0))
                stamps.Add((stored.Metadata.Actor, stored.RecordedAt));
            plan = next;
        }

        if (plan is null) return null;
        var revisions = plan.Revisions.Select((r, i) => new PlanRevisionView(
            r.Number, r.Decision, r.Reason, r.By ?? stamps[i].By, stamps[i].At,
            r.Targets.Select(t => new TargetLineView(t.Indicator.Value, t.Value, t.Monthly)).ToList())).ToList();
        return new PlanView(unit.Value, year, recorded[^1].Version, asOf, revisions[^1], revisions, plan.Baseline.ToApiString());
    }
}
