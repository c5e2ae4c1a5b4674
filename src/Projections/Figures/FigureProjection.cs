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
        await EffectiveFigures.RecomputeAsync(context, tree, changed);
    }

    /// <summary>
    /// A unit that moves takes its figures from its old ancestors to its new ones; an indicator
    /// whose aggregation changes changes every roll-up of it.
    /// </summary>
    private static async Task<HashSet<FigureKey>> AffectedByStructureAsync(ProjectionContext context, List<object> changes)
    {
        var affected = new HashSet<FigureKey>();
        foreach (var change in changes)
        {
            var (sql, id, parents) = change switch
            {
                UnitMoved m => ("SELECT unit_id, indicator, month FROM {0}.effective_figures WHERE unit_id = @id",
                    m.Id.Value, new[] { m.ParentId?.Value, m.PreviousParentId?.Value }),
                UnitRegistered r when r.ParentId is not null => ("SELECT unit_id, indicator, month FROM {0}.effective_figures WHERE unit_id = @id",
                    r.Id.Value, new[] { r.ParentId?.Value }),
                IndicatorRevised i => ("SELECT unit_id, indicator, month FROM {0}.figure_versions WHERE indicator = @id AND valid_to IS NULL",
                    i.Code.Value, Array.Empty<string?>()),
                _ => (null, "", Array.Empty<string?>()),
            };
            if (sql is null) continue;
            await using var command = context.Command(sql);
            command.Parameters.AddWithValue("id", id);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var key = new FigureKey(reader.GetString(0), reader.GetString(1), reader.GetString(2));
                affected.Add(key);
                // The old parent no longer has this child: recompute it (and so its ancestors) too.
                foreach (var parent in parents.OfType<string>()) affected.Add(key with { Unit = parent });
            }
        }
        return affected;
    }
}
