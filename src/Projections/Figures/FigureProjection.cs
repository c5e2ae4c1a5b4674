using GovReport.Domain.Catalogue;
using GovReport.Domain.Reports;
using GovReport.EventStore;
using GovReport.Projections.ReadModels;
using GovReport.Projections.Serialization;

namespace GovReport.Projections.Figures;

/// <summary>
/// The asynchronous figure models: official figure versions and the effective figures rolled up
/// the unit tree. Fed a page of the log at a time by the daemon (or a rebuild).
/// </summary>
public static class FigureProjection
{
    public const string SubscriptionName = "figures";

    public static async Task ApplyPageAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> page)
    {
        var reports = new List<(RecordedEvent, ReportEvent)>();
        var structural = new List<object>();
        foreach (var recorded in page)
        {
            var @event = EventSerializer.Deserialize(recorded);
            switch (@event)
            {
                case ReportEvent report when report is ReportSubmitted or FiguresCorrected or ReportReturned:
                    reports.Add((recorded, report));
                    break;
                case UnitMoved or UnitRegistered or IndicatorRevised:
                    structural.Add(@event);
                    break;
            }
        }
        var changed = await OfficialFigures.ApplyAsync(context, reports);
        if (structural.Count > 0) changed.UnionWith(await AffectedByStructureAsync(context, structural));
        if (changed.Count == 0) return;
        var tree = await UnitTreeSnapshot.LoadAsync(context);
        await Rollups.RecomputeAsync(context, tree, changed);
    }

    /// <summary>
    /// Structure changes move figures between roll-ups: a unit that moves takes its months from
    /// its old ancestors to its new ones; a unit registered under a parent makes that parent one
    /// with children; an indicator whose aggregation changes changes every roll-up.
    /// </summary>
    private static async Task<HashSet<(string Unit, string Month)>> AffectedByStructureAsync(ProjectionContext context, List<object> changes)
    {
        const string MonthsOf = """
            SELECT DISTINCT unit_id, month FROM {0}.official_figures WHERE unit_id = @id AND valid_to IS NULL
            UNION SELECT unit_id, month FROM {0}.rollups WHERE unit_id = @id
            """;
        var affected = new HashSet<(string, string)>();
        foreach (var change in changes)
        {
            var (sql, id, alsoDirty) = change switch
            {
                UnitMoved m => (MonthsOf, m.Id.Value, new[] { m.PreviousParentId?.Value }),
                UnitRegistered { ParentId: { } parent } => (MonthsOf, parent.Value, Array.Empty<string?>()),
                IndicatorRevised => ("SELECT unit_id, month FROM {0}.rollups", "", Array.Empty<string?>()),
                _ => ((string?)null, "", Array.Empty<string?>()),
            };
            if (sql is null) continue;
            await using var command = context.Command(sql);
            if (sql.Contains("@id", StringComparison.Ordinal)) command.Parameters.AddWithValue("id", id);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var (unit, month) = (reader.GetString(0), reader.GetString(1));
                affected.Add((unit, month));
                // The old parent no longer has this child: recompute it (and so its ancestors) too.
                foreach (var other in alsoDirty.OfType<string>()) affected.Add((other, month));
            }
        }
        return affected;
    }
}
