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
    public const int MaxSectorLength = IndicatorWrites.MaxSectorLength;

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
        string code, [FromBody] PutIndicatorRequest body, HttpContext http, IndicatorWrites writes, CancellationToken ct)
    {
        var written = await writes.DefineAsync(code, body, ETags.FromIfMatch(http.Request), "api", ct);
        if (written.Problem is { } problem) return problem;
        var outcome = written.Command!;
        var view = IndicatorView.From(outcome.State!, outcome.Version);
        http.Response.Headers.ETag = ETags.For(outcome.Version);
        return outcome.Appended > 0 && outcome.Version == outcome.Appended
            ? TypedResults.Created($"/api/indicators/{view.Code}", view)
            : TypedResults.Ok(view);
    }
}
