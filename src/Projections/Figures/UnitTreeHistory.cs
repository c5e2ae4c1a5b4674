using GovReport.Domain.Catalogue;
using GovReport.EventStore;
using GovReport.Projections.ReadModels;
using GovReport.Projections.Serialization;

namespace GovReport.Projections.Figures;

/// <summary>
/// The unit tree and the indicators' aggregations as they stood at a past instant, folded from
/// the catalogue events recorded by then — so an "as of" answer rolls figures up the tree of its
/// day, not today's (units move, and aggregations are revised).
/// </summary>
public static class UnitTreeHistory
{
    public sealed record Unit(string Id, string Name, string? ParentId, string? Block, DateTimeOffset RegisteredAt);

    public static async Task<(UnitTreeSnapshot Tree, IReadOnlyDictionary<string, Unit> Units)> AsOfAsync(
        ProjectionContext context, DateTimeOffset asOf, CancellationToken ct = default)
    {
        var units = new Dictionary<string, Unit>(StringComparer.Ordinal);
        var aggregations = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var command = context.Command($"""
            SELECT {EventRowsColumns} FROM es.events
            WHERE event_type IN ('unit_registered', 'unit_renamed', 'unit_moved', 'unit_reclassified', 'indicator_defined', 'indicator_revised')
              AND recorded_at <= @asOf
            ORDER BY events.tx_id, events.seq
            """);
        command.Parameters.AddWithValue("asOf", asOf.ToUniversalTime());
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var recordedAt = reader.GetFieldValue<DateTimeOffset>(2);
                switch (EventSerializer.Deserialize(reader.GetString(0), reader.GetString(1)))
                {
                    case UnitRegistered e: units[e.Id.Value] = new Unit(e.Id.Value, e.Name, e.ParentId?.Value, e.Block, recordedAt); break;
                    case UnitRenamed e when units.TryGetValue(e.Id.Value, out var u): units[u.Id] = u with { Name = e.Name }; break;
                    case UnitMoved e when units.TryGetValue(e.Id.Value, out var u): units[u.Id] = u with { ParentId = e.ParentId?.Value }; break;
                    case UnitReclassified e when units.TryGetValue(e.Id.Value, out var u): units[u.Id] = u with { Block = e.Block }; break;
                    case IndicatorDefined e: aggregations[e.Code.Value] = e.Aggregation.ToApiString(); break;
                    case IndicatorRevised e: aggregations[e.Code.Value] = e.Aggregation.ToApiString(); break;
                }
            }
        }
        return (new UnitTreeSnapshot(units.ToDictionary(u => u.Key, u => u.Value.ParentId, StringComparer.Ordinal), aggregations), units);
    }

    private const string EventRowsColumns = "event_type, data::text, recorded_at";
}
