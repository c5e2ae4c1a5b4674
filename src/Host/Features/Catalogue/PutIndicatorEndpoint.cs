using GovReport.Host.Infrastructure.Http;
using GovReport.Domain;
using GovReport.Domain.Catalogue;
using GovReport.Host.Infrastructure.Idempotency;
using GovReport.Host.Infrastructure.Writes;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Correlation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace GovReport.Host.Features.Catalogue;

/// <summary>
/// The whole definition of an indicator; omitted optional fields mean "none" (no sector, not
/// negative, the default plausible range: ±10^15, or 0–100 for a percentage).
/// </summary>
public sealed record PutIndicatorRequest(
    string? Name, string? Measure, string? Aggregation, string? Direction, string? Sector, bool? AllowsNegative,
    decimal? MinValue = null, decimal? MaxValue = null);

/// <param name="MinValue">The lower bound the catalogue set (null: the default); <paramref name="Range"/> is what applies.</param>
public sealed record IndicatorView(
    string Code, string Name, string Measure, string Aggregation, string Direction, string? Sector, bool AllowsNegative, long Version,
    decimal? MinValue, decimal? MaxValue, PlausibleRange Range)
{
    internal static IndicatorView From(Indicator i, long version) =>
        new(i.Code.Value, i.Name, i.Measure, i.Aggregation.ToApiString(), i.Direction.ToApiString(), i.Sector, i.AllowsNegative, version,
            i.MinValue, i.MaxValue, i.Range);
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
            + "figures and targets must lie in; by default ±10^15, or 0–100 for a measure of %. An identical PUT records nothing. Planner or admin only. Supports If-Match.")
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed);

    internal static async Task<Results<Created<IndicatorView>, Ok<IndicatorView>, ProblemHttpResult>> Handle(
        string code, [FromBody] PutIndicatorRequest body, HttpContext http, RequestContext context, StreamCommands commands, CancellationToken ct)
    {
        var errors = new InputErrors();
        var indicator = errors.IndicatorCode("code", code);

        var name = errors.Required("name", body.Name, IndicatorDecider.MaxNameLength);
        var measure = errors.Required("measure", body.Measure, IndicatorDecider.MaxMeasureLength);
        var aggregation = errors.Named<Aggregation>("aggregation", body.Aggregation, Aggregations.TryParse);
        var direction = errors.Named<Direction>("direction", body.Direction, Directions.TryParse);
        var sector = errors.Optional("sector", body.Sector, MaxSectorLength);
        if (errors.Any) return errors.ToProblem();

        var command = new DefineIndicator(indicator!.Value, name!, measure!, aggregation!.Value, direction!.Value, sector,
            body.AllowsNegative ?? false, body.MinValue, body.MaxValue);
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
}
