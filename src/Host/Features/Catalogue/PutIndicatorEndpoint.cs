using GovReport.Host.Infrastructure.Http;
using GovReport.Domain;
using GovReport.Domain.Catalogue;
using GovReport.Host.Infrastructure.Idempotency;
using GovReport.Host.Infrastructure.Writes;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Correlation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using GovReport.Projections.Queries;
using System.Text.Json.Serialization;

namespace GovReport.Host.Features.Catalogue;

/// <summary>
/// The whole definition of an indicator; omitted optional fields mean "none" (no sector, not
/// negative, the default plausible range: ±10^15, or 0–100 for a percentage). A ratio
/// (<c>aggregation: "ratio"</c>) names its <see cref="Numerator"/> and <see cref="Denominator"/>,
/// two indicators units report, and a <see cref="Scale"/> (default 100). <see cref="AtMost"/> declares
/// cross-indicator rules: the codes whose figures this one's should not exceed in the same report
/// (a breach is a warning at submission, never a refusal).
/// </summary>
public sealed record PutIndicatorRequest(
    string? Name, string? Measure, string? Aggregation, string? Direction, string? Sector, bool? AllowsNegative,
    decimal? MinValue = null, decimal? MaxValue = null, string? Numerator = null, string? Denominator = null, decimal? Scale = null,
    IReadOnlyList<string?>? AtMost = null);

/// <param name="MinValue">The lower bound the catalogue set (null: the default); <paramref name="Range"/> is what applies.</param>
/// <param name="Numerator">A ratio's parts and scale; absent on a reported indicator.</param>
public sealed record IndicatorView(
    string Code, string Name, string Measure, string Aggregation, string Direction, string? Sector, bool AllowsNegative, long Version,
    decimal? MinValue, decimal? MaxValue, PlausibleRange Range,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Numerator = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Denominator = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Scale = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? AtMost = null)
{
    internal static IndicatorView From(Indicator i, long version) =>
        new(i.Code.Value, i.Name, i.Measure, i.Aggregation.ToApiString(), i.Direction.ToApiString(), i.Sector, i.AllowsNegative, version,
            i.MinValue, i.MaxValue, i.Range, i.Ratio?.Numerator.Value, i.Ratio?.Denominator.Value, i.Ratio?.Scale,
            i.Rules?.AtMost.Select(c => c.Value).ToArray());
}

internal static class PutIndicatorEndpoint
{
    public const int MaxSectorLength = 100;

    public static RouteHandlerBuilder MapPutIndicator(this RouteGroupBuilder indicators) => indicators
        .MapPut("/{code}", Handle)
        .RequireAuthorization(Policies.ManageCatalogue)
        .WithName("PutIndicator")
        .WithSummary("Defines or revises an indicator.")
        .WithDescription("aggregation is sum, average, per-day (a daily rate, averaged weighted by days) or last; direction is "
            + "higher-is-better or lower-is-better. minValue and maxValue (optional, within ±10^15) set the plausible range "
            + "figures and targets must lie in; by default ±10^15, or 0–100 for a measure of %. aggregation ratio (with numerator, denominator: "
            + "codes of indicators units report, and scale, default 100) is computed as scale × Σ numerator / Σ denominator and never reported. "
            + "An identical PUT records nothing. Planner or admin only. Supports If-Match.")
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed);

    internal static async Task<Results<Created<IndicatorView>, Ok<IndicatorView>, ProblemHttpResult>> Handle(
        string code, [FromBody] PutIndicatorRequest body, HttpContext http, RequestContext context, StreamCommands commands,
        CatalogueReader catalogue, CancellationToken ct)
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
        if (errors.Any) return errors.ToProblem();

        var command = new DefineIndicator(indicator!.Value, name!, measure!, aggregation!.Value, direction!.Value, sector,
            body.AllowsNegative ?? false, body.MinValue, body.MaxValue, ratio, rules);
        // The parts must be indicators units report, and a part of a ratio cannot become one: the
        // catalogue holds what the indicator's own stream does not.
        if (command.Aggregation == Aggregation.Ratio || command.Ratio is not null)
        {
            var indicators = (await catalogue.IndicatorsAsync(ct)).ToDictionary(i => i.Code);
            if (RatioRules.CheckAgainst(command, indicators) is { } badRatio) return DomainProblems.For(badRatio);
        }
        // The codes a rule names must be indicators units report: only the catalogue knows.
        if (command.Rules is not null)
        {
            var indicators = (await catalogue.IndicatorsAsync(command.Rules.AtMost, ct)).ToDictionary(i => i.Code);
            if (CrossIndicatorRules.CheckAgainst(command, indicators) is { } badRule) return DomainProblems.For(badRule);
        }
        var outcome = await commands.ExecuteAsync(
            StreamIds.Indicator(command.Code), ETags.FromIfMatch(http.Request), IndicatorDecider.Decider, command,
            CommandProblems.Metadata(context), ct);

        if (DomainProblems.For(outcome) is { } problem) return problem;
        var view = IndicatorView.From(outcome.State!, outcome.Version);
        http.Response.Headers.ETag = ETags.For(outcome.Version);
        return outcome.Appended > 0 && outcome.Version == outcome.Appended
            ? TypedResults.Created($"/api/indicators/{view.Code}", view)
            : TypedResults.Ok(view);
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
