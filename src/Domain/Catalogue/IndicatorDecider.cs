using GovReport.Domain.Errors;

namespace GovReport.Domain.Catalogue;

public static class IndicatorDecider
{
    public const int MaxNameLength = 200;
    public const int MaxMeasureLength = 50;

    public static Indicator? Initial => null;

    public static Decision<IndicatorEvent> Decide(DefineIndicator command, Indicator? state)
    {
        var name = command.Name?.Trim() ?? "";
        var measure = command.Measure?.Trim() ?? "";
        var sector = string.IsNullOrWhiteSpace(command.Sector) ? null : command.Sector.Trim();

        if (name.Length == 0)
            return Decision<IndicatorEvent>.Fail(ErrorCodes.NameRequired, "An indicator needs a name.", "name");
        if (name.Length > MaxNameLength)
            return Decision<IndicatorEvent>.Fail(ErrorCodes.NameTooLong, $"An indicator name has at most {MaxNameLength} characters.", "name");
        if (measure.Length == 0)
            return Decision<IndicatorEvent>.Fail(ErrorCodes.MeasureRequired, "An indicator needs a unit of measure.", "measure");
        if (measure.Length > MaxMeasureLength)
            return Decision<IndicatorEvent>.Fail(ErrorCodes.MeasureTooLong, $"A measure has at most {MaxMeasureLength} characters.", "measure");

        if (PlausibleRange.CheckBounds(command.MinValue, command.MaxValue) is { } badRange)
            return Decision<IndicatorEvent>.Fail(badRange);
        if (RatioRules.CheckShape(command) is { } badRatio)
            return Decision<IndicatorEvent>.Fail(badRatio);
        var ratio = command.Ratio;
        if (CrossIndicatorRules.CheckShape(command) is { } badRule)
            return Decision<IndicatorEvent>.Fail(badRule);
        var rules = command.Rules;

        var definition = new Indicator(command.Code, name, measure, command.Aggregation, command.Direction, sector, command.AllowsNegative,
            command.MinValue, command.MaxValue, ratio, rules);
        if (state is null)
            return Decision<IndicatorEvent>.Ok(new IndicatorDefined(
                command.Code, name, measure, command.Aggregation, command.Direction, sector, command.AllowsNegative, command.MinValue, command.MaxValue,
                ratio?.Numerator, ratio?.Denominator, ratio?.Scale, rules?.AtMost));
        if (state == definition)
            return Decision<IndicatorEvent>.Nothing;
        return Decision<IndicatorEvent>.Ok(new IndicatorRevised(
            command.Code, name, measure, command.Aggregation, command.Direction, sector, command.AllowsNegative, command.MinValue, command.MaxValue,
                ratio?.Numerator, ratio?.Denominator, ratio?.Scale, rules?.AtMost));
    }

    public static Indicator? Evolve(Indicator? state, IndicatorEvent @event) => @event switch
    {
        IndicatorDefined e => new Indicator(e.Code, e.Name, e.Measure, e.Aggregation, e.Direction, e.Sector, e.AllowsNegative, e.MinValue, e.MaxValue, e.Ratio, e.Rules),
        IndicatorRevised e => new Indicator(e.Code, e.Name, e.Measure, e.Aggregation, e.Direction, e.Sector, e.AllowsNegative, e.MinValue, e.MaxValue, e.Ratio, e.Rules),
        _ => state,
    };

    public static Indicator? Fold(IEnumerable<IndicatorEvent> events) => Decider.Fold(events);

    public static Decider<DefineIndicator, Indicator?, IndicatorEvent> Decider { get; } = new(Initial, Decide, Evolve);
}
