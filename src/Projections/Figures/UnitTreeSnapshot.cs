using GovReport.Domain.Catalogue;
using GovReport.Projections.ReadModels;

namespace GovReport.Projections.Figures;

/// <summary>The unit tree and indicator aggregations as the read models hold them now.</summary>
public sealed class UnitTreeSnapshot
{
    private readonly Dictionary<string, string?> _parents;
    private readonly Dictionary<string, List<string>> _children;

    public UnitTreeSnapshot(IReadOnlyDictionary<string, string?> parents, IReadOnlyDictionary<string, string> aggregations)
    {
        _parents = new Dictionary<string, string?>(parents, StringComparer.Ordinal);
        Aggregations = aggregations;
        _children = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (unit, parent) in _parents)
            if (parent is not null)
                (_children.TryGetValue(parent, out var list) ? list : _children[parent] = []).Add(unit);
    }

    public IReadOnlyDictionary<string, string> Aggregations { get; }

    public IReadOnlyList<string> ChildrenOf(string unit) => _children.TryGetValue(unit, out var c) ? c : [];

    public string? ParentOf(string unit) => _parents.GetValueOrDefault(unit);

    public bool Contains(string unit) => _parents.ContainsKey(unit);

    /// <summary>The unit's ancestors, nearest first; a corrupt loop ends the walk.</summary>
    public IEnumerable<string> AncestorsOf(string unit)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { unit };
        for (var p = ParentOf(unit); p is not null && seen.Add(p); p = ParentOf(p)) yield return p;
    }

    public int DepthOf(string unit) => AncestorsOf(unit).Count();

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
        return new UnitTreeSnapshot(parents, aggregations);
    }
}
