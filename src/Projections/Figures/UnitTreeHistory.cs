using GovReport.Domain.Catalogue;
using GovReport.Domain.Restructurings;
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

    /// <param name="root">Where only one unit's subtree is wanted, that unit: today's tree is then read for it alone.</param>
    public static async Task<(UnitTreeSnapshot Tree, IReadOnlyDictionary<string, Unit> Units)> AsOfAsync(
        ProjectionContext context, DateTimeOffset asOf, string? root = null, CancellationToken ct = default)
    {
        // Usually nothing in the catalogue changed since the instant: then today's tree is that day's.
        return await LastCatalogueChangeAsync(context, ct) is not { } last || last <= asOf
            ? await CurrentAsync(context, root, ct)
            : await FoldAsync(context, asOf, ct);
    }

    private static async Task<DateTimeOffset?> LastCatalogueChangeAsync(ProjectionContext context, CancellationToken ct)
    {
        await using var command = context.Command(
            """
            SELECT greatest((SELECT max(updated_at) FROM {0}.units), (SELECT max(updated_at) FROM {0}.indicators),
                            (SELECT max(greatest(recorded_at, reverted_at)) FROM {0}.restructurings))
            """);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) && !reader.IsDBNull(0) ? reader.GetFieldValue<DateTimeOffset>(0) : null;
    }

    private static async Task<(UnitTreeSnapshot, IReadOnlyDictionary<string, Unit>)> CurrentAsync(
        ProjectionContext context, string? root, CancellationToken ct)
    {
        var lineage = await RestructuringRows.LoadAsync(context, ct: ct);
        // Restructurings move units between subtrees from month to month: then only the whole tree will do.
        if (!lineage.IsEmpty) root = null;
        var units = new Dictionary<string, Unit>(StringComparer.Ordinal);
        await using (var command = context.Command(root is null
            ? "SELECT unit_id, name, parent_id, block, registered_at FROM {0}.units"
            : """
              WITH RECURSIVE sub AS (
                  SELECT unit_id, name, parent_id, block, registered_at FROM {0}.units WHERE unit_id = @root
                  UNION SELECT u.unit_id, u.name, u.parent_id, u.block, u.registered_at FROM {0}.units u JOIN sub ON u.parent_id = sub.unit_id)
              SELECT * FROM sub
              """))
        {
            if (root is not null) command.Parameters.AddWithValue("root", root);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                units[reader.GetString(0)] = new Unit(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4));
        }
        var aggregations = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var command = context.Command("SELECT code, aggregation FROM {0}.indicators"))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) aggregations[reader.GetString(0)] = reader.GetString(1);
        return (new UnitTreeSnapshot(units.ToDictionary(u => u.Key, u => u.Value.ParentId, StringComparer.Ordinal), aggregations, lineage), units);
    }

    private static async Task<(UnitTreeSnapshot, IReadOnlyDictionary<string, Unit>)> FoldAsync(
        ProjectionContext context, DateTimeOffset asOf, CancellationToken ct)
    {
        var units = new Dictionary<string, Unit>(StringComparer.Ordinal);
        var aggregations = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var fact in EventLog.OfTypesAsync(context.Connection, context.Transaction, TreeEventTypes, asOf, ct))
        {
            var recordedAt = fact.RecordedAt;
            switch (EventSerializer.Deserialize(fact.Type, fact.Data))
            {
                case UnitRegistered e: units[e.Id.Value] = new Unit(e.Id.Value, e.Name, e.ParentId?.Value, e.Block, recordedAt); break;
                case UnitRenamed e when units.TryGetValue(e.Id.Value, out var u): units[u.Id] = u with { Name = e.Name }; break;
                case UnitMoved e when units.TryGetValue(e.Id.Value, out var u): units[u.Id] = u with { ParentId = e.ParentId?.Value }; break;
                case UnitReclassified e when units.TryGetValue(e.Id.Value, out var u): units[u.Id] = u with { Block = e.Block }; break;
                case UnitTransferred e when units.TryGetValue(e.Unit.Value, out var u): units[u.Id] = u with { ParentId = e.ParentId?.Value }; break;
                case UnitRenamedByDecision e when units.TryGetValue(e.Unit.Value, out var u): units[u.Id] = u with { Name = e.Name }; break;
                case RestructuringReverted { Kind: RestructuringKind.Move } e when units.TryGetValue(e.Units[0].Value, out var u):
                    units[u.Id] = u with { ParentId = e.PreviousParentId?.Value }; break;
                case RestructuringReverted { Kind: RestructuringKind.Rename, PreviousName: { } name } e when units.TryGetValue(e.Units[0].Value, out var u):
                    units[u.Id] = u with { Name = name }; break;
                case IndicatorDefined e: aggregations[e.Code.Value] = e.Aggregation.ToApiString(); break;
                case IndicatorRevised e: aggregations[e.Code.Value] = e.Aggregation.ToApiString(); break;
            }
        }
        var lineage = await RestructuringRows.LoadAsync(context, asOf, ct);
        return (new UnitTreeSnapshot(units.ToDictionary(u => u.Key, u => u.Value.ParentId, StringComparer.Ordinal), aggregations, lineage), units);
    }

    private static readonly string[] TreeEventTypes =
        [.. new[] { typeof(UnitRegistered), typeof(UnitRenamed), typeof(UnitMoved), typeof(UnitReclassified), typeof(IndicatorDefined), typeof(IndicatorRevised),
                typeof(UnitTransferred), typeof(UnitRenamedByDecision), typeof(RestructuringReverted) }
            .Select(Domain.EventTypes.NameOf)];
}
