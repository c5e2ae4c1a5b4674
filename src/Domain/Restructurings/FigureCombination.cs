using GovReport.Domain.Aggregation;

namespace GovReport.Domain.Restructurings;

/// <summary>A figure carried across a restructuring, and what a reader must know about it.</summary>
public readonly record struct CombinedFigure(decimal? Value, bool Estimated, bool Comparable);

/// <summary>
/// How the figures of the units a successor's history comes from combine into its figure for a
/// month before the restructuring. Across units, sums, daily rates and levels add up (as in
/// <see cref="UnitRollup"/>); a split's part is the predecessor's figure times its share, an
/// estimate. A plain average of several units has no weight to combine it by: rather than add or
/// average it silently, the figure is withheld and marked not comparable.
/// </summary>
public static class FigureCombination
{
    public static CombinedFigure Combine(Catalogue.Aggregation aggregation, IReadOnlyList<(decimal Value, LineageSource Source)> parts)
    {
        if (parts.Count == 0) return new CombinedFigure(null, false, true);
        // Plain loops: a successor's ytd combines some fifteen hundred figures per answer, and
        // enumerators and iterators over the parts were a good part of what it allocated.
        var estimated = false;
        for (var i = 0; i < parts.Count; i++) estimated |= parts[i].Source.Estimated;
        if (parts.Count == 1 && parts[0].Source.Share == 1m) return new CombinedFigure(parts[0].Value, estimated, true);
        if (aggregation == Catalogue.Aggregation.Average)
            // One unit's share of an average is still that average, as an estimate; several units' is unknown.
            return parts.Count == 1 ? new CombinedFigure(parts[0].Value, true, true) : new CombinedFigure(null, estimated, false);
        var sum = 0m;
        for (var i = 0; i < parts.Count; i++) sum = Saturating.Add(sum, Saturating.Multiply(parts[i].Value, parts[i].Source.Share));
        return new CombinedFigure(sum, estimated, true);
    }
}
