using GovReport.Domain.Periods;

namespace GovReport.Domain.Restructurings;

/// <summary>One unit whose figure makes up part of another's: its share, and whether that share is an estimate.</summary>
public readonly record struct LineageSource(string Unit, decimal Share, bool Estimated);

/// <summary>
/// The restructurings in effect, asked month by month: which units' figures make up a unit's
/// figure for a month, whether a unit still exists then, and where it then sat in the tree.
/// Keyed by plain unit ids, as the read models are.
/// </summary>
public sealed class Lineage
{
    // A lineage deeper than this is a loop in bad data, not real history.
    private const int MaxDepth = 32;

    private readonly Dictionary<string, List<Restructuring>> _bySuccessor = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Restructuring> _retirements = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Restructuring>> _moves = new(StringComparer.Ordinal);

    public Lineage(IEnumerable<Restructuring> inEffect)
    {
        foreach (var r in inEffect)
        {
            All.Add(r);
            foreach (var s in r.Successors)
                (_bySuccessor.TryGetValue(s.Unit.Value, out var list) ? list : _bySuccessor[s.Unit.Value] = []).Add(r);
            if (r.Kind.Retires())
                foreach (var p in r.Predecessors) _retirements.TryAdd(p.Value, r);
            if (r.Kind == RestructuringKind.Move)
                (_moves.TryGetValue(r.Subject.Value, out var moves) ? moves : _moves[r.Subject.Value] = []).Add(r);
        }
        foreach (var moves in _moves.Values) moves.Sort((a, b) => a.EffectiveMonth.CompareTo(b.EffectiveMonth));
        Boundaries = All.Where(r => r.Kind.Retires() || r.Kind == RestructuringKind.Move)
            .Select(r => r.EffectiveMonth).Distinct().Order().ToList();
    }

    public static Lineage Empty { get; } = new([]);

    public List<Restructuring> All { get; } = [];

    public bool IsEmpty => All.Count == 0;

    /// <summary>The months at which the tree changes shape: between two of them, every month has the same tree.</summary>
    public IReadOnlyList<Month> Boundaries { get; }

    /// <summary>The restructuring that retires the unit (merges, splits or dissolves it), whatever its month.</summary>
    public Restructuring? RetirementOf(string unit) => _retirements.GetValueOrDefault(unit);

    /// <summary>The restructuring under which the unit no longer exists in <paramref name="month"/>; null while it does.</summary>
    public Restructuring? RetiredBy(string unit, Month month) =>
        _retirements.TryGetValue(unit, out var r) && r.EffectiveMonth <= month ? r : null;

    /// <summary>The restructurings the unit succeeds (a merge's successor, a split's successors), in order recorded.</summary>
    public IReadOnlyList<Restructuring> SuccessionsOf(string unit) =>
        _bySuccessor.TryGetValue(unit, out var list) ? list.Where(r => r.Kind.Retires()).ToList() : [];

    /// <summary>
    /// The units whose figures make up <paramref name="unit"/>'s figure for <paramref name="month"/>:
    /// the unit itself, and before a merge or split it succeeds takes effect, its predecessors
    /// (through their own predecessors, as far back as the history goes), a split's by share and
    /// marked estimated. A unit reached twice is counted once, with its shares added.
    /// </summary>
    public IReadOnlyList<LineageSource> SourcesOf(string unit, Month month)
    {
        if (!_bySuccessor.ContainsKey(unit)) return [new LineageSource(unit, 1m, false)];
        var sources = new Dictionary<string, LineageSource>(StringComparer.Ordinal);
        var order = new List<string>();
        Collect(unit, month, 1m, false, 0, sources, order);
        return order.Select(u => sources[u]).ToList();
    }

    private void Collect(string unit, Month month, decimal share, bool estimated, int depth,
        Dictionary<string, LineageSource> sources, List<string> order)
    {
        if (sources.TryGetValue(unit, out var seen))
            sources[unit] = seen with { Share = seen.Share + share, Estimated = seen.Estimated || estimated };
        else
        {
            sources[unit] = new LineageSource(unit, share, estimated);
            order.Add(unit);
        }
        if (depth >= MaxDepth || !_bySuccessor.TryGetValue(unit, out var successions)) return;
        foreach (var r in successions)
        {
            if (!r.Kind.Retires() || month >= r.EffectiveMonth) continue;
            var part = r.Kind == RestructuringKind.Split ? r.Successors.First(s => s.Unit.Value == unit).Share : 1m;
            foreach (var predecessor in r.Predecessors)
                Collect(predecessor.Value, month, share * part, estimated || r.Kind == RestructuringKind.Split, depth + 1, sources, order);
        }
    }

    /// <summary>Every unit whose history <paramref name="unit"/> carries, at any month (itself included).</summary>
    public IReadOnlySet<string> HistoryOf(string unit)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([unit]);
        while (queue.TryDequeue(out var next) && seen.Count < 10_000)
        {
            if (!seen.Add(next) || !_bySuccessor.TryGetValue(next, out var successions)) continue;
            foreach (var r in successions.Where(r => r.Kind.Retires()))
                foreach (var p in r.Predecessors) queue.Enqueue(p.Value);
        }
        return seen;
    }

    /// <summary>
    /// The unit's parent in <paramref name="month"/>, given its parent now: a move that takes
    /// effect after the month is undone, latest first.
    /// </summary>
    public string? ParentAt(string unit, Month month, string? current)
    {
        if (!_moves.TryGetValue(unit, out var moves)) return current;
        var parent = current;
        for (var i = moves.Count - 1; i >= 0 && moves[i].EffectiveMonth > month; i--)
            parent = moves[i].PreviousParentId?.Value;
        return parent;
    }

    /// <summary>The units whose parent in some month differs from today's.</summary>
    public IEnumerable<string> MovedUnits => _moves.Keys;
}
