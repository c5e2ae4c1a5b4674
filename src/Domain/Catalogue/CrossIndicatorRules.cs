using GovReport.Domain.Errors;

namespace GovReport.Domain.Catalogue;

/// <summary>
/// Rules the catalogue declares between indicators reported side by side (issue 13): this
/// indicator's figure should be at most each of <see cref="AtMost"/>'s figures in the same report
/// (hồ sơ giải quyết ≤ hồ sơ tiếp nhận). A breach is a data-quality warning at submission
/// (<see cref="Reports.FigureWarnings"/>), never a refusal: a backlog resolved this month can
/// genuinely exceed what arrived, and the approver is the one to judge it. A ratio's numerator ≤
/// denominator is implied by its definition and needs no rule.
/// </summary>
public sealed record CrossIndicatorRules(IReadOnlyList<IndicatorCode> AtMost)
{
    /// <summary>A figure is bounded by a handful of related ones at most; more is a catalogue mistake.</summary>
    public const int MaxRules = 10;

    /// <summary>Null for none, so an indicator without rules reads, stores and hashes as before.</summary>
    public static CrossIndicatorRules? Of(IEnumerable<IndicatorCode>? atMost) =>
        atMost?.ToList() is { Count: > 0 } list ? new CrossIndicatorRules(list) : null;

    public bool Equals(CrossIndicatorRules? other) => other is not null && AtMost.SequenceEqual(other.AtMost);

    public override int GetHashCode() => AtMost.Aggregate(0, (h, c) => HashCode.Combine(h, c));

    /// <summary>The rules' own shape: bounded, no indicator bounded by itself, none named twice, none on a ratio.</summary>
    public static DomainError? CheckShape(DefineIndicator command)
    {
        if (command.Rules is not { } rules) return null;
        if (rules.AtMost.Count > MaxRules)
            return new DomainError(ErrorCodes.RuleInvalid, $"atMost names at most {MaxRules} indicators.", "atMost");
        if (command.Aggregation == Aggregation.Ratio)
            return new DomainError(ErrorCodes.RuleInvalid, "A ratio is computed, never reported: its numerator ≤ denominator is implied, and it takes no atMost rule.", "atMost");
        if (rules.AtMost.Contains(command.Code))
            return new DomainError(ErrorCodes.RuleInvalid, $"'{command.Code}' cannot be bounded by itself.", "atMost");
        if (rules.AtMost.GroupBy(c => c).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return new DomainError(ErrorCodes.RuleInvalid, $"atMost names '{twice.Key}' twice.", "atMost");
        return null;
    }

    /// <summary>Every indicator a rule names exists and is reported (a ratio never is, so it never stands in a report beside this one).</summary>
    public static DomainError? CheckAgainst(DefineIndicator command, IReadOnlyDictionary<IndicatorCode, Indicator> catalogue)
    {
        if (CheckShape(command) is { } shape) return shape;
        foreach (var code in command.Rules?.AtMost ?? [])
        {
            if (!catalogue.TryGetValue(code, out var other))
                return new DomainError(ErrorCodes.UnknownIndicator, $"No indicator '{code}' is defined.", "atMost");
            if (other.IsRatio)
                return new DomainError(ErrorCodes.RuleInvalid, $"'{code}' is a ratio, never reported beside '{command.Code}'; name an indicator units report.", "atMost");
        }
        return null;
    }

    /// <summary>The breaches in one report's figures: (bounded indicator, its value, the bound's indicator, its value).</summary>
    public static IEnumerable<(Indicator Indicator, decimal Value, IndicatorCode Bound, decimal BoundValue)> Breaches(
        IReadOnlyDictionary<IndicatorCode, decimal> reported, IReadOnlyDictionary<IndicatorCode, Indicator> catalogue)
    {
        foreach (var (code, value) in reported)
        {
            if (!catalogue.TryGetValue(code, out var indicator) || indicator.Rules is not { } rules) continue;
            foreach (var bound in rules.AtMost)
                if (reported.TryGetValue(bound, out var boundValue) && value > boundValue)
                    yield return (indicator, value, bound, boundValue);
        }
    }
}
