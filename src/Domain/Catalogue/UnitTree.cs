namespace GovReport.Domain.Catalogue;

/// <summary>Rules that need the whole tree, which no single unit stream holds.</summary>
public static class UnitTree
{
    /// <summary>True when giving <paramref name="unit"/> the parent <paramref name="newParent"/> would close a loop.</summary>
    public static bool WouldCreateCycle(IReadOnlyDictionary<UnitId, UnitId?> parents, UnitId unit, UnitId? newParent)
    {
        var seen = new HashSet<UnitId>();
        for (var current = newParent; current is { } id; current = parents.GetValueOrDefault(id))
        {
            if (id == unit) return true;
            // An already broken tree must not hang the check.
            if (!seen.Add(id)) return false;
        }

        return false;
    }

    /// <summary>The unit and everything beneath it, parents before children.</summary>
    public static IReadOnlyList<UnitId> Subtree(IReadOnlyDictionary<UnitId, UnitId?> parents, UnitId root)
    {
        var children = parents
            .Where(p => p.Value is not null)
            .GroupBy(p => p.Value!.Value)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Key).Order().ToList());
        var result = new List<UnitId>();
        var seen = new HashSet<UnitId>();
        var queue = new Queue<UnitId>([root]);
        while (queue.TryDequeue(out var id))
        {
            if (!seen.Add(id)) continue;
            result.Add(id);
            foreach (var child in children.GetValueOrDefault(id) ?? []) queue.Enqueue(child);
        }

        return result;
    }
}
