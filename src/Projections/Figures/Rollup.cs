using System.Runtime.InteropServices;
using GovReport.Domain.Aggregation;
using GovReport.Domain.Catalogue;

namespace GovReport.Projections.Figures;

/// <summary>
/// A unit's effective figures for one month, indicator by indicator, by the domain's
/// <see cref="UnitRollup.FigureFor"/>. The live projection, a rebuild and an "as of" answer all
/// call this one function.
/// </summary>
public static class Rollup
{
    public static Dictionary<string, decimal> Effective(
        IReadOnlyDictionary<string, decimal>? own,
        IEnumerable<IReadOnlyDictionary<string, decimal>> children,
        IReadOnlyDictionary<string, string> aggregations)
    {
        var totals = new Dictionary<string, ChildFigures>(StringComparer.Ordinal);
        foreach (var child in children)
        {
            // Walk the usual kinds of figure set directly, not through the interface's boxed enumerator.
            if (child is Dictionary<string, decimal> plain)
                foreach (var (indicator, value) in plain) Add(totals, indicator, value);
            else if (child is SubmittedFigures submitted)
                foreach (var figure in submitted.List) Add(totals, figure.Indicator.Value, figure.Value);
            else
                foreach (var (indicator, value) in child) Add(totals, indicator, value);
        }
        var result = new Dictionary<string, decimal>(totals.Count, StringComparer.Ordinal);
        foreach (var (indicator, total) in totals)
        {
            decimal? mine = own is not null && own.TryGetValue(indicator, out var value) ? value : null;
            var aggregation = aggregations.TryGetValue(indicator, out var a) ? Aggregations.Parse(a) : Aggregation.Sum;
            if (UnitRollup.FigureFor(mine, aggregation, total) is { } figure) result[indicator] = figure;
        }
        if (own is not null)
            foreach (var (indicator, value) in own)
                // Where no child reported the indicator, the rule leaves only the unit's own figure.
                result.TryAdd(indicator, value);
        return result;
    }

    private static void Add(Dictionary<string, ChildFigures> totals, string indicator, decimal value) =>
        CollectionsMarshal.GetValueRefOrAddDefault(totals, indicator, out _).Add(value);
}
