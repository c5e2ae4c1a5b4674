using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Restructurings;
using GovReport.Projections.ReadModels;

namespace GovReport.Projections.Figures;

/// <summary>
/// The unit tree and indicator aggregations as the read models hold them now, and through the
/// restructurings in effect (<see cref="Lineage"/>) the tree of any month: <see cref="ForMonth(Month)"/>.
/// </summary>
public sealed class UnitTreeSnapshot
{
    private readonly Dictionary<string, string?> _parents;
    private readonly Dictionary<string, List<string>> _children;
    private readonly Dictionary<int, UnitTreeSnapshot> _epochs = [];

    public UnitTreeSnapshot(IReadOnlyDictionary<string, string?> parents, IReadOnlyDictionary<string, string> aggregations, Lineage? lineage = null)
        : this(parents, aggregations, lineage ?? Lineage.Empty, retiredAt: null)
    {
    }

    private UnitTreeSnapshot(IReadOnlyDictionary<string, string?> parents, IReadOnlyDictionary<string, string> aggregations, Lineage lineage, Month? retiredAt)
    {
        _parents = new Dictionary<string, string?>(parents, StringComparer.Ordinal);
        Aggregations = aggregations;
        Lineage = lineage;
        _children = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (unit, parent) in _parents)
            // A unit merged, split or dissolved by the month is no one's child then: nothing of it is counted twice.
            if (parent is not null && (retiredAt is not { } m || lineage.RetiredBy(unit, m) is null))
                (_children.TryGetValue(parent, out var list) ? list : _children[parent] = []).Add(unit);
    }

    public IReadOnlyDictionary<string, string> Aggregations { get; }

    /// <summary>The restructurings in effect.</summary>
    public Lineage Lineage { get; }

    /// <summary>
    /// The tree of <paramref name="month"/>: moves that take effect later undone, units retired by
    /// then left out of their parents. Without restructurings, this tree itself; the months between
    /// two restructuring boundaries share one tree.
    /// </summary>
    public UnitTreeSnapshot ForMonth(Month month)
    {
        if (Lineage.IsEmpty) return this;
        var epoch = 0;
        while (epoch < Lineage.Boundaries.Count && Lineage.Boundaries[epoch] <= month) epoch++;
        lock (_epochs)
        {
            if (_epochs.TryGetValue(epoch, out var cached)) return cached;
            var parents = new Dictionary<string, string?>(_parents, StringComparer.Ordinal);
            foreach (var unit in Lineage.MovedUnits)
                if (parents.TryGetValue(unit, out var now)) parents[unit] = Lineage.ParentAt(unit, month, now);
            return _epochs[epoch] = new UnitTreeSnapshot(parents, Aggregations, Lineage, month);
        }
    }

    public UnitTreeSnapshot ForMonth(string month) => Lineage.IsEmpty ? this : ForMonth(Month.Parse(month));

    // Not `c : []`: typed by c, that would be a new List for every unit without children.
    public IReadOnlyList<string> ChildrenOf(string unit) => _children.TryGetValue(unit, out var c) ? c : NoChildren;

    private static readonly string[] NoChildren = [];

    public string? ParentOf(string unit) => _parents.GetValueOrDefault(unit);

    public bool Contains(string unit) => _parents.ContainsKey(unit);

    /// <summary>The unit's ancestors, nearest first; a corrupt loop ends the walk.</summary>
    /// <remarks>
    /// Walked once per unit and kept: a rebuild asks for the ancestors and the depth of every
    /// report's unit, page after page, of the same few snapshots, and walking them afresh each
    /// time was a tenth of what it allocated.
    /// </remarks>
    public IReadOnlyList<string> AncestorsOf(string unit) => _ancestors.GetOrAdd(unit, Walk, this);

    public int DepthOf(string unit) => AncestorsOf(unit).Count;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> _ancestors = new(StringComparer.Ordinal);

    private static string[] Walk(string unit, UnitTreeSnapshot tree)
    {
        if (tree.ParentOf(unit) is null) return [];
        var seen = new HashSet<string>(StringComparer.Ordinal) { unit };
        var ancestors = new List<string>();
        for (var p = tree.ParentOf(unit); p is not null && seen.Add(p); p = tree.ParentOf(p)) ancestors.Add(p);
        return [.. ancestors];
    }

    /// <summary>The unit and everything under it, by the domain's <see cref="UnitTree.Subtree{T}"/>.</summary>
    public IReadOnlyList<string> SubtreeOf(string root) => UnitTree.Subtree(root, ChildrenOf);

    public static async Task<UnitTreeSnapshot> LoadAsync(ProjectionContext context)
    {
        var parents = new Dictionary<string, string?>(StringComparer.Ordinal);
        await using (var command = context.Command("SELECT unit_id, parent_id FROM {0}.units"))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) parents[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
        var aggregations = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var command = context.Command("SELECT code, aggregation FROM {0}.indicators"))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) aggregations[reader.GetString(0)] = reader.GetString(1);
        return new UnitTreeSnapshot(parents, aggregations, await RestructuringRows.LoadAsync(context));
    }
}
