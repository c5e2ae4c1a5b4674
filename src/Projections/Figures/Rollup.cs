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
        var result = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var byIndicator = new Dictionary<string, List<decimal>>(StringComparer.Ordinal);
        foreach (var child in children)
            foreach (var (indicator, value) in child)
                (byIndicator.TryGetValue(indicator, out var list) ? list : byIndicator[indicator] = []).Add(value);
        foreach (var (indicator, values) in byIndicator)
        {
            var aggregation = aggregations.TryGetValue(indicator, out var a) ? Aggregations.Parse(a) : Aggregation.Sum;
            if (UnitRollup.AcrossUnits(aggregation, values) is { } rolled) result[indicator] = rolled;
        }
        if (own is not null)
            foreach (var (indicator, value) in own) result[indicator] = value;
        return result;
    }
}
