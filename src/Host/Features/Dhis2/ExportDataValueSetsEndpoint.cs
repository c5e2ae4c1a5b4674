using GovReport.Domain.Interop;
using GovReport.Host.Features.Periods;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Http;
using GovReport.Projections.Queries;
using GovReport.Host.Features.Performance;
using GovReport.Host.Infrastructure.Daemon;
using GovReport.Projections;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace GovReport.Host.Features.Dhis2;

/// <summary>
/// <c>GET /api/dhis2/dataValueSets?period=…&amp;orgUnit=…[&amp;children=true]</c>: the official
/// figures of an org unit (and with <c>children</c>, of every unit under it) for the period's
/// months, each value under its own monthly DHIS2 period. DHIS2 aggregates for itself, so each
/// unit's own figures leave, never a roll-up. Written while it is read: a national export holds
/// one unit-month in memory at a time.
/// </summary>
internal static class ExportDataValueSetsEndpoint
{
    public const string CaughtUpHeader = "X-Read-Models-Caught-Up";
    public const string PendingHeader = "X-Read-Models-Pending-Events";

    public static void Map(RouteGroupBuilder dhis2) => dhis2
        .MapGet("/dataValueSets", Export)
        .RequireAuthorization(Policies.ReadFigures)
        .WithName("ExportDataValueSets")
        .WithSummary("Official figures as a DHIS2 dataValueSet (JSON, or ADX with Accept: application/adx+xml).")
        .Produces(StatusCodes.Status200OK, contentType: "application/json", additionalContentTypes: [Dhis2Endpoints.AdxMediaType])
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound);

    public static async Task<IResult> Export(
        string? period, string? orgUnit, string? children, HttpContext http, Dhis2Mapping mapping,
        CatalogueReader catalogue, CallerAccess access, OfficialFiguresReader figures, ProjectionFreshness freshness,
        IOptions<ProjectionOptions> projection, TimeProvider clock, CancellationToken ct)
    {
        var errors = new InputErrors();
        Domain.Periods.Period? asked = null;
        if (string.IsNullOrWhiteSpace(period)) errors.Add("period", "'period' is required, e.g. 202208, 2022Q3 or 2022.");
        else if (!PeriodInput.TryPeriod(period, PeriodInput.Today(clock), out asked, out var periodError)) errors.Add("period", periodError!);
        var withChildren = children?.Trim().ToLowerInvariant() switch
        {
            null or "" or "false" => false,
            "true" => true,
            _ => Invalid(errors),
        };
        var unit = string.IsNullOrWhiteSpace(orgUnit) ? null : mapping.Unit(orgUnit.Trim());
        if (string.IsNullOrWhiteSpace(orgUnit)) errors.Add("orgUnit", "'orgUnit' is required.");
        if (errors.Any) return errors.ToProblem();
        if (unit is null || await catalogue.UnitAsync(unit, ct) is null)
            return Problems.NotFound("unit-not-found", $"Org unit '{orgUnit}' is not a unit of this service.");
        if (!await access.CanReadAsync(unit, ct))
            return Problems.Forbidden($"You may not read the figures of {unit}.");

        var units = withChildren ? Subtree(unit, await catalogue.UnitsAsync(ct)) : [unit];
        var months = asked!.Months.Select(m => m.ToString()).ToArray();
        var adx = WantsAdx(http.Request);

        // The official figures are an asynchronous model: wait (bounded) for what was committed before this
        // read, as the comparisons do, and say in headers how that went, since the body is DHIS2's shape.
        var fresh = await FreshnessView.AfterWaitAsync(freshness, projection.Value.ReadWait, clock, ct);
        http.Response.Headers[CaughtUpHeader] = fresh.CaughtUp ? "true" : "false";
        http.Response.Headers[PendingHeader] = fresh.PendingEvents.ToString(System.Globalization.CultureInfo.InvariantCulture);

        http.Response.ContentType = adx ? Dhis2Endpoints.AdxMediaType + "; charset=utf-8" : "application/json; charset=utf-8";
        await using IDataValueSetWriter writer = adx
            ? new AdxWriter(http.Response.Body, mapping, clock)
            : new Dhis2JsonWriter(http.Response.BodyWriter, mapping);
        await writer.StartAsync(ct);
        await foreach (var set in figures.ReadAsync(units, months, ct)) await writer.WriteAsync(set, ct);
        await writer.EndAsync(ct);
        return Results.Empty;
    }

    private static bool Invalid(InputErrors errors)
    {
        errors.Add("children", "'children' is true or false.");
        return false;
    }

    private static bool WantsAdx(HttpRequest request) =>
        MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)
        && accepted.Any(a => a.MediaType.Equals(Dhis2Endpoints.AdxMediaType, StringComparison.OrdinalIgnoreCase));

    /// <summary>The unit and everything under it as the catalogue stands now.</summary>
    private static List<string> Subtree(string root, IReadOnlyList<UnitRow> units)
    {
        var children = units.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!, u => u.Id);
        return Domain.Catalogue.UnitTree.Subtree(root, id => children[id].ToList());
    }
}
