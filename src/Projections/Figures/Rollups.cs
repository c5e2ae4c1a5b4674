using GovReport.Projections.ReadModels;
using NpgsqlTypes;

namespace GovReport.Projections.Figures;

/// <summary>
/// Keeps the rollups of every unit with children for each month whose inputs changed: a pure
/// function of the official figures, the tree and the aggregations, so recomputing what changed
/// converges to what a full rebuild computes.
/// </summary>
internal static class Rollups
{
    /// <param name="known">Official figures this page already holds (null: none); the rest are loaded.</param>
    public static async Task RecomputeAsync(ProjectionContext context, UnitTreeSnapshot tree,
        IReadOnlyCollection<(string Unit, string Month)> changed,
        IReadOnlyDictionary<(string Unit, string Month), IReadOnlyDictionary<string, decimal>?> known)
    {
        var recent = context.Replay;
        if (changed.Count == 0) return;
        // Each month is rolled up the tree of that month (restructurings change it from their effective month).
        var trees = new Dictionary<string, UnitTreeSnapshot>(StringComparer.Ordinal);
        UnitTreeSnapshot At(string month) => trees.TryGetValue(month, out var t) ? t : trees[month] = tree.ForMonth(month);
        var dirty = new HashSet<(string Unit, string Month)>(changed);
        foreach (var (unit, month) in changed)
            foreach (var ancestor in At(month).AncestorsOf(unit))
                dirty.Add((ancestor, month));

        var parents = dirty.Where(d => At(d.Month).ChildrenOf(d.Unit).Count > 0).ToList();
        var children = parents.SelectMany(p => At(p.Month).ChildrenOf(p.Unit).Select(c => (Unit: c, p.Month))).ToHashSet();
        var leaves = children.Where(c => At(c.Month).ChildrenOf(c.Unit).Count == 0).ToList();
        var official = await LoadAsync(context, "SELECT unit_id, month, stored_figures::text FROM {0}.official_figure_sets f JOIN unnest(@units, @months) AS k(unit_id, month) USING (unit_id, month) WHERE f.valid_to IS NULL",
            parents.Concat(leaves).Where(k => !known.ContainsKey(k)).ToList(),
            (unit, month) => recent is null ? (false, null) : (recent.TryGetOfficial(unit, month, out var state), state?.Figures));
        foreach (var (key, figures) in known)
            if (figures is not null) official[key] = figures;
        // A child with children of its own contributes its rollup: recomputed below if dirty, else as stored.
        var effective = await LoadAsync(context, "SELECT unit_id, month, figures::text FROM {0}.rollups r JOIN unnest(@units, @months) AS k(unit_id, month) USING (unit_id, month)",
            children.Where(c => At(c.Month).ChildrenOf(c.Unit).Count > 0 && !dirty.Contains(c)).ToList(),
            (unit, month) => recent is null ? (false, null) : (recent.TryGetRollup(unit, month, out var rollup), rollup));
        foreach (var leaf in leaves)
            if (official.TryGetValue(leaf, out var figures)) effective[leaf] = figures;

        var results = new List<((string Unit, string Month) Key, Dictionary<string, decimal>? Figures)>();
        // Deepest first, so every child is settled before its parent reads it.
        foreach (var key in dirty.OrderByDescending(d => At(d.Month).DepthOf(d.Unit)))
        {
            var kids = At(key.Month).ChildrenOf(key.Unit);
            if (kids.Count == 0)
            {
                results.Add((key, null)); // a unit without children keeps no rollup
                continue;
            }
            var figures = Rollup.Effective(official.GetValueOrDefault(key),
                kids.Select(c => effective.GetValueOrDefault((c, key.Month))).OfType<IReadOnlyDictionary<string, decimal>>(),
                tree.Aggregations);
            effective[key] = figures;
            results.Add((key, figures.Count == 0 ? null : figures));
        }
        await SaveAsync(context, results);
        if (recent is not null)
            foreach (var ((unit, month), figures) in results) recent.SetRollup(unit, month, figures);
    }

    /// <param name="held">Whether a replay holds the key's figures, and if so, which (null: none).</param>
    private static async Task<Dictionary<(string Unit, string Month), IReadOnlyDictionary<string, decimal>>> LoadAsync(
        ProjectionContext context, string sql, List<(string Unit, string Month)> wanted,
        Func<string, string, (bool Held, IReadOnlyDictionary<string, decimal>? Figures)> held)
    {
        var found = new Dictionary<(string, string), IReadOnlyDictionary<string, decimal>>();
        var keys = new List<(string Unit, string Month)>();
        foreach (var (unit, month) in wanted)
        {
            var (isHeld, figures) = held(unit, month);
            if (!isHeld) keys.Add((unit, month));
            else if (figures is not null) found[(unit, month)] = figures;
        }
        if (keys.Count == 0) return found;
        await using var command = context.Command(sql);
        command.Parameters.AddWithValue("units", keys.Select(k => k.Unit).ToArray());
        command.Parameters.AddWithValue("months", keys.Select(k => k.Month).ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) found[(reader.GetString(0), reader.GetString(1))] = FigureJson.Parse(reader.GetString(2));
        return found;
    }

    private static async Task SaveAsync(ProjectionContext context, List<((string Unit, string Month) Key, Dictionary<string, decimal>? Figures)> results)
    {
        // A replay knows which roll-ups it never wrote; anything else may have one to delete.
        var replay = context.Replay;
        var gone = results.Where(r => r.Figures is null)
            .Where(r => replay is null || !replay.TryGetRollup(r.Key.Unit, r.Key.Month, out var held) || held is not null)
            .Select(r => r.Key).ToList();
        var present = results.Where(r => r.Figures is not null).ToList();
        if (gone.Count > 0)
        {
            await using var delete = context.Command(
                "DELETE FROM {0}.rollups r USING unnest(@units, @months) AS k(unit_id, month) WHERE r.unit_id = k.unit_id AND r.month = k.month");
            delete.Parameters.AddWithValue("units", gone.Select(g => g.Unit).ToArray());
            delete.Parameters.AddWithValue("months", gone.Select(g => g.Month).ToArray());
            await delete.ExecuteNonQueryAsync();
        }
        if (present.Count > 0)
        {
            await using var upsert = context.Command("""
                INSERT INTO {0}.rollups (unit_id, month, figures) SELECT * FROM unnest(@units, @months, @figures)
                ON CONFLICT (unit_id, month) DO UPDATE SET figures = excluded.figures
                """);
            upsert.Parameters.AddWithValue("units", present.Select(p => p.Key.Unit).ToArray());
            upsert.Parameters.AddWithValue("months", present.Select(p => p.Key.Month).ToArray());
            upsert.Parameters.AddWithValue("figures", NpgsqlDbType.Array | NpgsqlDbType.Jsonb, FigureJson.WriteAll(present.Select(p => p.Figures!).ToList()));
            await upsert.ExecuteNonQueryAsync();
        }
    }
}
