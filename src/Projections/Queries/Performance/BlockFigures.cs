using GovReport.Domain.Aggregation;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Restructurings;

namespace GovReport.Projections.Queries.Performance;

/// <summary>
/// Blocks (khối) cut across the unit tree: a block's figure is the aggregate of its members'
/// effective figures. Pure, so the live and "as of" paths share it.
/// </summary>
public static class BlockFigures
{
    /// <summary>Every block some unit carries, with all its members (ordinal order).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Blocks(IEnumerable<UnitRow> units) =>
        units.Where(u => !string.IsNullOrEmpty(u.Block))
            .GroupBy(u => u.Block!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(u => u.Id).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

    /// <summary>
    /// The members whose figures are added up: a member under another member of the same block is
    /// already inside that ancestor's effective figure, so it is skipped to avoid counting twice.
    /// </summary>
    public static IReadOnlyList<string> TopMembers(IReadOnlyList<UnitRow> units, string block) =>
        TopMembers(units.Select(u => (u.Id, u.ParentId, u.Block)).ToList(), block);

    /// <param name="units">Each unit's place: its parent and its block (today's, or as of an instant).</param>
    public static IReadOnlyList<string> TopMembers(IReadOnlyList<(string Id, string? ParentId, string? Block)> units, string block)
    {
        var parents = units.ToDictionary(u => u.Id, u => u.ParentId, StringComparer.Ordinal);
        var members = units.Where(u => string.Equals(u.Block, block, StringComparison.Ordinal)).Select(u => u.Id)
            .ToHashSet(StringComparer.Ordinal);
        return members.Where(m => !AncestorsOf(m, parents).Any(members.Contains)).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The members whose figures are read: a member whose history another member carries (a
    /// predecessor merged or split into it) counts through that successor, never twice.
    /// </summary>
    public static IReadOnlyList<string> CountedMembers(IReadOnlyList<string> members, IReadOnlyDictionary<string, Lineage> lineages)
    {
        var carried = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in members)
            if (lineages.TryGetValue(member, out var lineage) && !lineage.IsEmpty)
                carried.UnionWith(lineage.HistoryOf(member).Where(u => u != member));
        return members.Where(m => !carried.Contains(m)).ToList();
    }

    /// <summary>Indicator by indicator and month, the members' figures combined across units.</summary>
    public static Dictionary<(string, Month), decimal> Aggregate(
        IReadOnlyList<Indicator> indicators, IEnumerable<IReadOnlyDictionary<(string, Month), decimal>> members)
    {
        var aggregations = indicators.ToDictionary(i => i.Code.Value, i => i.Aggregation, StringComparer.Ordinal);
        var figures = new Dictionary<(string, Month), decimal>();
        foreach (var group in members.SelectMany(m => m).GroupBy(f => f.Key))
        {
            var aggregation = aggregations.TryGetValue(group.Key.Item1, out var a) ? a : Aggregation.Sum;
            if (UnitRollup.AcrossUnits(aggregation, group.Select(f => f.Value)) is { } value) figures[group.Key] = value;
        }
        return figures;
    }

    /// <summary>Nearest first; a corrupt loop in the tree ends the walk.</summary>
    private static IEnumerable<string> AncestorsOf(string unit, IReadOnlyDictionary<string, string?> parents)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { unit };
        for (var p = parents.GetValueOrDefault(unit); p is not null && seen.Add(p); p = parents.GetValueOrDefault(p)) yield return p;
    }
}
