using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Restructurings;

namespace GovReport.Projections.Queries.Performance;

/// <summary>
/// A unit's monthly figures with its history across restructurings filled in: for a month before
/// a merge or split it succeeds, the figures of the units its <see cref="Lineage"/> names,
/// combined by <see cref="FigureCombination"/>. Pure, so the live and "as of" paths share it.
/// </summary>
public static class LineageFigures
{
    /// <summary>The units besides <paramref name="unit"/> whose figures some month needs.</summary>
    public static IReadOnlyList<string> OtherSources(string unit, IEnumerable<Month> months, Lineage lineage) =>
        months.SelectMany(m => lineage.SourcesOf(unit, m)).Select(s => s.Unit).Where(u => u != unit).Distinct().ToList();

    /// <param name="figures">Each source unit's effective figures by indicator and month, the unit's own included.</param>
    public static (Dictionary<(string, Month), decimal> Figures, Dictionary<(string, Month), FigureNote> Notes) Combine(
        string unit, IReadOnlyList<Indicator> indicators, IEnumerable<Month> months, Lineage lineage,
        IReadOnlyDictionary<string, IReadOnlyDictionary<(string, Month), decimal>> figures)
    {
        var distinct = months.Distinct().ToList();
        // Sized once: a successor's ytd holds sixteen months of every indicator.
        var result = new Dictionary<(string, Month), decimal>(indicators.Count * distinct.Count);
        var notes = new Dictionary<(string, Month), FigureNote>();
        var own = figures.GetValueOrDefault(unit);
        // One list of parts for every figure, and each source's figures looked up once a month:
        // the combination is the domain's (FigureCombination), only its bookkeeping is here.
        var parts = new List<(decimal, LineageSource)>();
        var theirs = new List<(IReadOnlyDictionary<(string, Month), decimal> Figures, LineageSource Source)>();
        foreach (var month in distinct)
        {
            var sources = lineage.SourcesOf(unit, month);
            var ownOnly = sources.Count == 1 && sources[0].Unit == unit;
            theirs.Clear();
            if (!ownOnly)
                foreach (var source in sources)
                    if (figures.GetValueOrDefault(source.Unit) is { } set) theirs.Add((set, source));
            foreach (var indicator in indicators)
            {
                var key = (indicator.Code.Value, month);
                if (ownOnly)
                {
                    if (own is not null && own.TryGetValue(key, out var mine)) result[key] = mine;
                    continue;
                }
                parts.Clear();
                foreach (var (set, source) in theirs)
                    if (set.TryGetValue(key, out var value)) parts.Add((value, source));
                if (parts.Count == 0) continue;
                var combined = FigureCombination.Combine(indicator.Aggregation, parts);
                if (combined.Value is { } v) result[key] = v;
                if (combined.Estimated || !combined.Comparable) notes[key] = new FigureNote(combined.Estimated, !combined.Comparable);
            }
        }
        return (result, notes);
    }
}
