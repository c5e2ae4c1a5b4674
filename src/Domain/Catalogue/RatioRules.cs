using GovReport.Domain.Errors;

namespace GovReport.Domain.Catalogue;

/// <summary>
/// The checks a ratio's definition needs from the rest of the catalogue, which the indicator's own
/// stream does not hold: its parts exist and are reported (not ratios themselves), and no indicator
/// a ratio is built on becomes a ratio (which would make a ratio of ratios, or a cycle).
/// </summary>
public static class RatioRules
{
    /// <summary>The definition's own shape: a ratio names both parts and a positive scale; nothing else names parts.</summary>
    public static DomainError? CheckShape(DefineIndicator command)
    {
        if (command.Aggregation != Aggregation.Ratio)
            return command.Ratio is null ? null
                : new DomainError(ErrorCodes.RatioPartInvalid, "numerator and denominator belong to an indicator with aggregation 'ratio'.", "numerator");
        if (command.Ratio is not { } ratio)
            return new DomainError(ErrorCodes.RatioPartRequired, "A ratio indicator needs a numerator and a denominator.", "numerator");
        if (ratio.Scale <= 0 || ratio.Scale > RatioDefinition.MaxScale)
            return new DomainError(ErrorCodes.InvalidScale, $"scale must be positive and at most {RatioDefinition.MaxScale:0}.", "scale");
        if (ratio.Numerator == command.Code)
            return new DomainError(ErrorCodes.RatioCycle, "A ratio cannot be its own numerator.", "numerator");
        if (ratio.Denominator == command.Code)
            return new DomainError(ErrorCodes.RatioCycle, "A ratio cannot be its own denominator.", "denominator");
        return null;
    }

    /// <param name="catalogue">The indicators as they stand, by code.</param>
    public static DomainError? CheckAgainst(DefineIndicator command, IReadOnlyDictionary<IndicatorCode, Indicator> catalogue)
    {
        if (CheckShape(command) is { } shape) return shape;
        if (command.Ratio is not { } ratio) return null;
        return Part(ratio.Numerator, "numerator", catalogue)
            ?? Part(ratio.Denominator, "denominator", catalogue)
            ?? CheckNotAPart(command.Code, command.Aggregation, catalogue.Values);
    }

    /// <summary>An indicator that some ratio divides cannot itself become a ratio: that would be a ratio of ratios, or a loop.</summary>
    public static DomainError? CheckNotAPart(IndicatorCode code, Aggregation aggregation, IEnumerable<Indicator> catalogue)
    {
        if (aggregation != Aggregation.Ratio) return null;
        var user = catalogue.FirstOrDefault(i => i.Ratio is { } r && (r.Numerator == code || r.Denominator == code) && i.Code != code);
        return user is null ? null
            : new DomainError(ErrorCodes.RatioCycle, $"'{code}' is a part of the ratio '{user.Code}'; it cannot be a ratio itself.", "aggregation");
    }

    /// <summary>The parts a set of indicators needs read beside them: each ratio's numerator and denominator.</summary>
    public static IEnumerable<IndicatorCode> PartsOf(IEnumerable<Indicator> indicators) =>
        indicators.Where(i => i.Ratio is not null).SelectMany(i => new[] { i.Ratio!.Numerator, i.Ratio.Denominator });

    private static DomainError? Part(IndicatorCode code, string field, IReadOnlyDictionary<IndicatorCode, Indicator> catalogue)
    {
        if (!catalogue.TryGetValue(code, out var part))
            return new DomainError(ErrorCodes.UnknownIndicator, $"No indicator '{code}' is defined.", field);
        if (part.IsRatio)
            return new DomainError(ErrorCodes.RatioPartInvalid, $"'{code}' is a ratio; a {field} must be an indicator units report.", field);
        return null;
    }
}
