using GovReport.Domain.Catalogue;

namespace GovReport.Domain.Targets;

/// <summary>
/// One indicator's annual target. <see cref="Monthly"/>, when given, phases the year into twelve
/// monthly targets (January first).
/// </summary>
public sealed record TargetLine(IndicatorCode Indicator, decimal Value, IReadOnlyList<decimal>? Monthly = null)
{
    internal bool SameAs(TargetLine other) =>
        Indicator == other.Indicator
        && Value == other.Value
        && (Monthly is null ? other.Monthly is null : other.Monthly is not null && Monthly.SequenceEqual(other.Monthly));

    internal static bool SameLines(IReadOnlyList<TargetLine> a, IReadOnlyList<TargetLine> b) =>
        a.Count == b.Count
        && a.OrderBy(l => l.Indicator).Zip(b.OrderBy(l => l.Indicator)).All(p => p.First.SameAs(p.Second));
}
