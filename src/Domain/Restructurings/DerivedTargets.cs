using GovReport.Domain.Aggregation;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Targets;

namespace GovReport.Domain.Restructurings;

/// <summary>
/// A successor without a plan for the year it came into being is held to its predecessors' plans
/// combined, as its figures are: flows, daily rates and levels add up (a split's by share); a plain
/// average adds up from one predecessor only, otherwise that target is left out. Monthly phasing
/// combines month by month where every predecessor phased the indicator.
/// </summary>
public static class DerivedTargets
{
    public static IReadOnlyList<TargetLine> Combine(
        IReadOnlyList<(IReadOnlyList<TargetLine> Targets, decimal Share)> predecessors, IReadOnlyDictionary<IndicatorCode, Catalogue.Aggregation> aggregations)
    {
        var lines = new List<TargetLine>();
        foreach (var group in predecessors.SelectMany(p => p.Targets.Select(t => (Line: t, p.Share))).GroupBy(x => x.Line.Indicator).OrderBy(g => g.Key))
        {
            var parts = group.ToList();
            var aggregation = aggregations.TryGetValue(group.Key, out var a) ? a : Catalogue.Aggregation.Sum;
            if (aggregation == Catalogue.Aggregation.Average)
            {
                if (parts.Count == 1) lines.Add(parts[0].Line with { });
                continue;
            }
            var value = Saturating.Sum(parts.Select(p => Saturating.Multiply(p.Line.Value, p.Share)));
            IReadOnlyList<decimal>? monthly = parts.Count == predecessors.Count && parts.All(p => p.Line.Monthly is { Count: 12 })
                ? Enumerable.Range(0, 12).Select(i => Saturating.Sum(parts.Select(p => Saturating.Multiply(p.Line.Monthly![i], p.Share)))).ToList()
                : null;
            lines.Add(new TargetLine(group.Key, value, monthly));
        }
        return lines;
    }
}
