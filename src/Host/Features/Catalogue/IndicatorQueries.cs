using System.Text.Json.Serialization;
using GovReport.Domain;
using GovReport.Domain.Catalogue;
using GovReport.Host.Infrastructure.Http;
using GovReport.Host.Infrastructure.Idempotency;
using GovReport.Host.Infrastructure.Writes;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Projections.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovReport.Host.Features.Catalogue;

/// <param name="Numerator">A ratio's parts and scale; absent on a reported indicator.</param>
public sealed record IndicatorEntry(
    string Code, string Name, string Measure, string Aggregation, string Direction, string? Sector, bool AllowsNegative,
    decimal? MinValue, decimal? MaxValue, PlausibleRange Range,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Numerator = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Denominator = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Scale = null);

/// <summary>The indicator catalogue, ordered by code.</summary>
public sealed record IndicatorCatalogueView(IReadOnlyList<IndicatorEntry> Indicators);

internal static class IndicatorQueries
{
    public static void MapIndicatorQueries(this RouteGroupBuilder indicators)
    {
        indicators.MapGet("/", GetAll)
            .RequireAuthorization(Policies.ReadFigures)
            .WithName("GetIndicators")
            .WithSummary("The indicator catalogue.");
        indicators.MapGet("/{code}", GetOne)
            .RequireAuthorization(Policies.ReadFigures)
            .WithName("GetIndicator")
            .WithSummary("One indicator; the ETag is the indicator stream's version.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal static async Task<Ok<IndicatorCatalogueView>> GetAll(CatalogueReader catalogue, CancellationToken ct)
    {
        var indicators = await catalogue.IndicatorsAsync(ct);
        return TypedResults.Ok(new IndicatorCatalogueView(indicators
            .Select(i => new IndicatorEntry(i.Code.Value, i.Name, i.Measure, i.Aggregation.ToApiString(), i.Direction.ToApiString(),
                i.Sector, i.AllowsNegative, i.MinValue, i.MaxValue, i.Range, i.Ratio?.Numerator.Value, i.Ratio?.Denominator.Value, i.Ratio?.Scale))
            .ToList()));
    }

    internal static async Task<Results<Ok<IndicatorView>, ProblemHttpResult>> GetOne(
        string code, HttpContext http, StreamCommands commands, CancellationToken ct)
    {
        var errors = new InputErrors();
        if (errors.IndicatorCode("code", code) is not { } indicatorCode) return errors.ToProblem();

        var (indicator, version) = await commands.LoadAsync(
            StreamIds.Indicator(indicatorCode), IndicatorDecider.Decider, null, ct);
        if (indicator is null) return Problems.NotFound("indicator-not-found", $"No indicator '{indicatorCode}' is defined.");

        http.Response.Headers.ETag = ETags.For(version);
        return TypedResults.Ok(IndicatorView.From(indicator, version));
    }
}
