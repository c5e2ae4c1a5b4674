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

    /// <summary>
    /// The unit and everything beneath it, parents before children. Generic over the id so the
    /// read models can walk their own string-keyed tree; a corrupt loop ends the walk.
    /// </summary>
    public static List<T> Subtree<T>(T root, Func<T, IReadOnlyList<T>> childrenOf) where T : notnull
    {
        var result = new List<T>();
        var seen = new HashSet<T>();
        var queue = new Queue<T>();
        queue.Enqueue(root);
        while (queue.TryDequeue(out var id))
        {
            if (!seen.Add(id)) continue;
            result.Add(id);
            foreach (var child in childrenOf(id)) queue.Enqueue(child);
        }

        return result;
    }
}
