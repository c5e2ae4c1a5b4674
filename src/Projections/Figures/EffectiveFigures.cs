using GovReport.Domain.Aggregation;
using GovReport.Domain.Catalogue;
using GovReport.Projections.ReadModels;
using NpgsqlTypes;

namespace GovReport.Projections.Figures;

/// <summary>
/// Keeps each unit's effective figure — its own official value where it has one, otherwise the
/// aggregate of its children's effective figures, never both — for every figure whose inputs
/// changed. It is a pure function of the official figures, the tree and the aggregations, so
/// recomputing what changed converges to what a full rebuild computes.
/// </summary>
internal static class EffectiveFigures
{
    public static async Task RecomputeAsync(ProjectionContext context, UnitTreeSnapshot tree, IReadOnlyCollection<FigureKey> changed)
    {
        if (changed.Count == 0) return;
        // Every ancestor of a changed figure may change too, for the same indicator and month.
        var dirty = new HashSet<FigureKey>(changed);
        foreach (var key in changed)
            foreach (var ancestor in tree.AncestorsOf(key.Unit))
                dirty.Add(key with { Unit = ancestor });

        var own = await LoadAsync(context, "figure_versions", "AND f.valid_to IS NULL", dirty);
        var cleanChildren = dirty
            .SelectMany(k => tree.ChildrenOf(k.Unit).Select(c => k with { Unit = c }))
            .Where(k => !dirty.Contains(k))
            .ToHashSet();
        var effective = await LoadAsync(context, "effective_figures", "", cleanChildren);

        var results = new List<(FigureKey Key, decimal? Value, bool Own)>(dirty.Count);
        // Deepest first, so every child is settled before its parent reads it.
        foreach (var key in dirty.OrderByDescending(k => tree.DepthOf(k.Unit)))
        {
            decimal? value;
            bool isOwn;
            if (own.TryGetValue(key, out var mine)) (value, isOwn) = (mine, true);
            else
            {
                var aggregation = tree.Aggregations.TryGetValue(key.Indicator, out var a) ? Aggregations.Parse(a) : Aggregation.Sum;
                value = UnitRollup.AcrossUnits(aggregation, tree.ChildrenOf(key.Unit)
                    .Select(c => effective.TryGetValue(key with { Unit = c }, out var v) ? v : (decimal?)null)
                    .OfType<decimal>());
                isOwn = false;
            }
            if (value is { } settled) effective[key] = settled;
            else effective.Remove(key);
            results.Add((key, value, isOwn));
        }
        await SaveAsync(context, results);
    }

    private static async Task<Dictionary<FigureKey, decimal>> LoadAsync(
        ProjectionContext context, string table, string filter, IReadOnlyCollection<FigureKey> keys)
    {
        var values = new Dictionary<FigureKey, decimal>();
        if (keys.Count == 0) return values;
        await using var command = context.Command($$"""
            SELECT f.unit_id, f.indicator, f.month, f.value
            FROM {0}.{{table}} f JOIN unnest(@units, @indicators, @months) AS k(unit_id, indicator, month)
                USING (unit_id, indicator, month)
            WHERE true {{filter}}
            """);
        command.Parameters.AddWithValue("units", keys.Select(k => k.Unit).ToArray());
        command.Parameters.AddWithValue("indicators", keys.Select(k => k.Indicator).ToArray());
        command.Parameters.AddWithValue("months", keys.Select(k => k.Month).ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            values[new FigureKey(reader.GetString(0), reader.GetString(1), reader.GetString(2))] = reader.GetDecimal(3);
        return values;
    }

    private static async Task SaveAsync(ProjectionContext context, List<(FigureKey Key, decimal? Value, bool Own)> results)
    {
        var gone = results.Where(r => r.Value is null).ToList();
        var present = results.Where(r => r.Value is not null).ToList();
        if (gone.Count > 0)
        {
            await using var delete = context.Command("""
                DELETE FROM {0}.effective_figures f USING unnest(@units, @indicators, @months) AS k(unit_id, indicator, month)
                WHERE f.unit_id = k.unit_id AND f.indicator = k.indicator AND f.month = k.month
                """);
            AddKeys(delete, gone.Select(g => g.Key).ToList());
            await delete.ExecuteNonQueryAsync();
        }
        if (present.Count > 0)
        {
            await using var upsert = context.Command("""
                INSERT INTO {0}.effective_figures (unit_id, indicator, month, value, own)
                SELECT * FROM unnest(@units, @indicators, @months, @values, @own)
                ON CONFLICT (unit_id, indicator, month) DO UPDATE SET value = excluded.value, own = excluded.own
                """);
            AddKeys(upsert, present.Select(p => p.Key).ToList());
            upsert.Parameters.AddWithValue("values", NpgsqlDbType.Array | NpgsqlDbType.Numeric, present.Select(p => p.Value!.Value).ToArray());
            upsert.Parameters.AddWithValue("own", present.Select(p => p.Own).ToArray());
            await upsert.ExecuteNonQueryAsync();
        }
    }

    private static void AddKeys(Npgsql.NpgsqlCommand command, List<FigureKey> keys)
    {
        command.Parameters.AddWithValue("units", keys.Select(k => k.Unit).ToArray());
        command.Parameters.AddWithValue("indicators", keys.Select(k => k.Indicator).ToArray());
        command.Parameters.AddWithValue("months", keys.Select(k => k.Month).ToArray());
    }
}
