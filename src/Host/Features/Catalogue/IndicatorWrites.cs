using GovReport.Domain;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Errors;
using GovReport.Host.Infrastructure.Correlation;
using GovReport.Host.Infrastructure.Http;
using GovReport.Host.Infrastructure.Writes;
using GovReport.Projections.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovReport.Host.Features.Catalogue;

/// <summary>What defining an indicator came to: input errors, a refusal, or the command's outcome.</summary>
public sealed record IndicatorWriteOutcome(InputErrors Errors, DomainError? Refusal, CommandOutcome<Indicator?>? Command)
{
    public bool Succeeded => Command is { Succeeded: true };

    public ProblemHttpResult? Problem =>
        Errors.Any ? Errors.ToProblem()
        : Refusal is not null ? DomainProblems.For(Refusal)
        : Command is null ? null
        : DomainProblems.For(Command);
}

/// <summary>
/// The one write path of the indicator catalogue, for <c>PUT /api/indicators/{code}</c> and the
/// catalogue page alike: shape checks, the ratio's parts against the catalogue, then the decider.
/// </summary>
public sealed class IndicatorWrites(RequestContext context, StreamCommands commands, CatalogueReader catalogue)
{
    public const int MaxSectorLength = 100;

    public async Task<IndicatorWriteOutcome> DefineAsync(
        string code, PutIndicatorRequest body, long? expectedVersion, string source, CancellationToken ct)
    {
        var errors = new InputErrors();
        var indicator = errors.IndicatorCode("code", code);

        var name = errors.Required("name", body.Name, IndicatorDecider.MaxNameLength);
        var measure = errors.Required("measure", body.Measure, IndicatorDecider.MaxMeasureLength);
        var aggregation = errors.Named<Aggregation>("aggregation", body.Aggregation, Aggregations.TryParse);
        var direction = errors.Named<Direction>("direction", body.Direction, Directions.TryParse);
        var sector = errors.Optional("sector", body.Sector, MaxSectorLength);
        var ratio = RatioOf(errors, aggregation, body);
        var rules = RulesOf(errors, body.AtMost);
        if (errors.Any) return new IndicatorWriteOutcome(errors, null, null);

        var command = new DefineIndicator(indicator!.Value, name!, measure!, aggregation!.Value, direction!.Value, sector,
            body.AllowsNegative ?? false, body.MinValue, body.MaxValue, ratio, rules);
        // The parts must be indicators units report, and a part of a ratio cannot become one: the
        // catalogue holds what the indicator's own stream does not.
        if (command.Aggregation == Aggregation.Ratio || command.Ratio is not null)
        {
            var indicators = (await catalogue.IndicatorsAsync(ct)).ToDictionary(i => i.Code);
            if (RatioRules.CheckAgainst(command, indicators) is { } badRatio) return new IndicatorWriteOutcome(errors, badRatio, null);
        }
        // The codes a rule names must be indicators units report: only the catalogue knows.
        if (command.Rules is not null)
        {
            var indicators = (await catalogue.IndicatorsAsync(command.Rules.AtMost, ct)).ToDictionary(i => i.Code);
            if (CrossIndicatorRules.CheckAgainst(command, indicators) is { } badRule) return new IndicatorWriteOutcome(errors, badRule, null);
        }
        var outcome = await commands.ExecuteAsync(
            StreamIds.Indicator(command.Code), expectedVersion, IndicatorDecider.Decider, command,
            CommandProblems.Metadata(context, source: source), ct);
        return new IndicatorWriteOutcome(errors, null, outcome);
    }

    /// <summary>The rule's codes as given, each checked for shape; bounded before the catalogue is asked about them.</summary>
    private static CrossIndicatorRules? RulesOf(InputErrors errors, IReadOnlyList<string?>? atMost)
    {
        if (atMost is null) return null;
        if (atMost.Count > CrossIndicatorRules.MaxRules)
        {
            errors.Add("atMost", $"atMost names at most {CrossIndicatorRules.MaxRules} indicators.");
            return null;
        }
        var codes = new List<IndicatorCode>();
        for (var i = 0; i < atMost.Count; i++)
            if (errors.IndicatorCode($"atMost[{i}]", atMost[i] ?? "") is { } code) codes.Add(code);
        return codes.Count == atMost.Count ? CrossIndicatorRules.Of(codes) : null;
    }

    /// <summary>The ratio's parts as given; each part named is checked for shape here, for existence against the catalogue.</summary>
    private static RatioDefinition? RatioOf(InputErrors errors, Aggregation? aggregation, PutIndicatorRequest body)
    {
        if (aggregation != Aggregation.Ratio && body.Numerator is null && body.Denominator is null && body.Scale is null) return null;
        if (aggregation != Aggregation.Ratio)
        {
            errors.Add(body.Numerator is not null ? "numerator" : body.Denominator is not null ? "denominator" : "scale",
                "numerator, denominator and scale belong to an indicator with aggregation 'ratio'.");
            return null;
        }
        if (body.Numerator is null) errors.Add("numerator", "A ratio indicator needs a numerator: the code of an indicator units report.");
        if (body.Denominator is null) errors.Add("denominator", "A ratio indicator needs a denominator: the code of an indicator units report.");
        var numerator = body.Numerator is null ? null : errors.IndicatorCode("numerator", body.Numerator);
        var denominator = body.Denominator is null ? null : errors.IndicatorCode("denominator", body.Denominator);
        if (body.Scale is { } scale && (scale <= 0 || scale > RatioDefinition.MaxScale))
            errors.Add("scale", $"scale must be positive and at most {RatioDefinition.MaxScale:0}.");
        return numerator is { } n && denominator is { } d ? new RatioDefinition(n, d, body.Scale ?? RatioDefinition.DefaultScale) : null;
    }
}
