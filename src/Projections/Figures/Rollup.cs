using System.Runtime.InteropServices;
using GovReport.Domain.Aggregation;
using GovReport.Domain.Catalogue;

namespace GovReport.Projections.Figures;

/// <summary>
/// A unit's effective figures for one month: indicator by indicator, its own where it reported
/// one, otherwise the aggregate of its children's effective figures — never both. The live
/// projection, a rebuild and an "as of" answer all call this one function.
/// </summary>
public static class Rollup
{
    public static Dictionary<string, decimal> Effective(
        IReadOnlyDictionary<string, decimal>? own,
        IEnumerable<IReadOnlyDictionary<string, decimal>> children,
        IReadOnlyDictionary<string, string> aggregations)
    {
        var totals = new Dictionary<string, (decimal Sum, int Count)>(StringComparer.Ordinal);
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
        foreach (var (indicator, (sum, count)) in totals)
        {
            var aggregation = aggregations.TryGetValue(indicator, out var a) ? Aggregations.Parse(a) : Aggregation.Sum;
            if (UnitRollup.FromTotal(aggregation, sum, count) is { } rolled) result[indicator] = rolled;
        }
        if (own is not null)
            foreach (var (indicator, value) in own) result[indicator] = value;
        return result;
    }

    private static void Add(Dictionary<string, (decimal Sum, int Count)> totals, string indicator, decimal value)
    {
        ref var total = ref CollectionsMarshal.GetValueRefOrAddDefault(totals, indicator, out _);
        total = (Saturating.Add(total.Sum, value), total.Count + 1);
    }
}
