using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Summaries;
using GovReport.Host.Infrastructure.Http;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Correlation;
using GovReport.Projections.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovReport.Host.Features.Summaries;

public sealed record SummaryList(string? Scope, string? Period, IReadOnlyList<SummaryListItem> Summaries);

public sealed record PublishSummaryRequest(string? Scope, string? Period);

/// <summary><c>/api/summaries</c>: published period summaries, read within the caller's units (all of them for auditors, planners and admins), published on demand by approvers of the scope.</summary>
public sealed class SummariesEndpoints : IApiModule
{
    public void Map(RouteGroupBuilder api)
    {
        var summaries = api.MapGroup("/summaries").WithTags("Summaries");
        summaries.MapGet("", ListAsync).RequireAuthorization(Policies.ReadFigures).WithName("ListSummaries")
            .WithSummary("Published summaries, optionally of one scope and one month.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        summaries.MapGet("/{id}", GetAsync).RequireAuthorization(Policies.ReadFigures).WithName("GetSummary")
            .WithSummary("One published summary as JSON, CSV (Accept: text/csv) or XLSX.")
            .Produces<SummaryPublished>()
            .Produces(StatusCodes.Status200OK, contentType: SummaryFormats.Csv)
            .Produces(StatusCodes.Status200OK, contentType: SummaryFormats.Xlsx)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        summaries.MapPost("", PublishAsync).RequireAuthorization(Policies.ApproveReports).WithName("PublishSummary")
            .WithSummary("Publishes a summary of a scope and month now, beside the automatic one.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
    }

    public static async Task<Results<Ok<SummaryList>, ProblemHttpResult>> ListAsync(
        string? scope, string? period, SummaryStore store, CallerAccess access, TimeProvider clock, CancellationToken ct)
    {
        var errors = new InputErrors();
        // A block is named "block:{block}", e.g. scope=block:kinh-te; anything else is a unit id.
        if (scope is not null && BlockScope.IsBlock(scope))
        {
            if (!BlockScope.IsSummarisable(BlockScope.BlockOf(scope))) errors.Add("scope", $"'{scope}' is not a block scope such as block:kinh-te.");
        }
        else if (scope is not null && !UnitId.TryParse(scope, out _, out var scopeError)) errors.Add("scope", scopeError!);
        Month? month = null;
        if (period is not null)
        {
            if (Features.Periods.PeriodInput.TryMonth(period, Features.Periods.PeriodInput.Today(clock), out var parsed, out var periodError)) month = parsed;
            else errors.Add("period", $"Summaries are monthly: {periodError}");
        }
        if (errors.Any) return errors.ToProblem();
        if (scope is not null && !await access.CanReadScopeAsync(scope, ct))
            return Problems.Forbidden($"You may not read the summaries of {scope}.");
        var items = await store.ListAsync(scope, month?.ToString(), ct);
        // A scoped caller listing every scope sees only those it may read.
        var readable = new List<SummaryListItem>(items.Count);
        foreach (var item in items)
            if (await access.CanReadScopeAsync(item.Scope, ct)) readable.Add(item);
        return TypedResults.Ok(new SummaryList(scope, month?.ToString(), readable));
    }

    public static async Task<IResult> GetAsync(string id, HttpContext http, SummaryStore store, CallerAccess access, CancellationToken ct)
    {
        if (!SummaryStore.IsValidId(id))
            return Problems.Validation("id", $"'{id}' is not a summary id; ids look like summary-bac-kan-2022-08.");
        if (await store.GetAsync(id, ct) is not { } summary)
            return Problems.NotFound("summary-not-found", $"No summary '{id}' has been published.");
        if (!await access.CanReadScopeAsync(summary.Scope, ct))
            return Problems.Forbidden($"You may not read the summaries of {summary.Scope}.");
        return SummaryFormats.Negotiate(http.Request.Headers.Accept.ToString()) switch
        {
            SummaryFormats.Csv => TypedResults.File(SummaryCsv.Write(summary), SummaryFormats.Csv + "; charset=utf-8", $"{id}.csv"),
            SummaryFormats.Xlsx => TypedResults.File(SummaryXlsx.Write(summary), SummaryFormats.Xlsx, $"{id}.xlsx"),
            _ => TypedResults.Ok(summary),
        };
    }

    public static async Task<Results<Created<SummaryPublished>, ProblemHttpResult>> PublishAsync(
        PublishSummaryRequest? body, RequestContext context, CatalogueReader catalogue, CallerAccess access,
        SummaryPublisher publisher, TimeProvider clock, CancellationToken ct)
    {
        var errors = new InputErrors();
        UnitRow? scope = null;
        if (string.IsNullOrWhiteSpace(body?.Scope)) errors.Add("scope", "scope is required: the unit whose summary to publish.");
        else if (BlockScope.IsBlock(body.Scope))
        {
            // Only an administrator may publish a block's summary: approvers answer for units, not blocks.
            var block = BlockScope.BlockOf(body.Scope);
            if (!BlockScope.IsSummarisable(block) || (await catalogue.UnitsAsync(ct)).All(u => u.Block != block))
                errors.Add("scope", $"No unit belongs to a block '{block}'.");
            else scope = BlockScope.Row(block, clock.GetUtcNow());
        }
        else if (!UnitId.TryParse(body.Scope, out _, out var scopeError)) errors.Add("scope", scopeError!);
        else if ((scope = await catalogue.UnitAsync(body.Scope, ct)) is null) errors.Add("scope", $"No unit '{body.Scope}' is registered.");
        var month = default(Month);
        if (string.IsNullOrWhiteSpace(body?.Period)) errors.Add("period", "period is required, e.g. 2022-08.");
        else if (!Features.Periods.PeriodInput.TryMonth(body.Period, Features.Periods.PeriodInput.Today(clock), out month, out var periodError)) errors.Add("period", $"Summaries are monthly: {periodError}");
        else if (month > Month.Of(ReportingCalendar.LocalDate(clock.GetUtcNow()))) errors.Add("period", $"{month} has not begun yet.");
        if (errors.Any) return errors.ToProblem();

        var user = context.CurrentUser!;
        if (!await access.AllowsAsync(UnitAction.PublishSummary, scope!.Id, ct))
            return Problems.Forbidden($"Only an administrator or an approver of {scope.Id} may publish its summary.");

        var summary = await publisher.PublishOnDemandAsync(scope, month, user.Subject, context.CorrelationId, ct);
        return TypedResults.Created($"/api/summaries/{summary.Id}", summary);
    }
}
