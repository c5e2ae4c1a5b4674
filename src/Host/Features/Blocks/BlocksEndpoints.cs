using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Host.Infrastructure.Http;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Features.Performance;
using GovReport.Host.Infrastructure.Daemon;
using GovReport.Projections;
using GovReport.Projections.Queries;
using GovReport.Projections.Queries.Performance;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace GovReport.Host.Features.Blocks;

public sealed record BlockView(string Id, IReadOnlyList<string> Members);

public sealed record BlockList(IReadOnlyList<BlockView> Blocks);

/// <summary>A block's comparison: the unit endpoint's shape, <c>unit</c> holding the block id and <c>scope</c> "block".</summary>
public sealed record BlockPerformanceResponse(
    string Unit, string Scope, string Period, string View, string From, string To, string Label, DateTimeOffset? AsOf,
    IReadOnlyList<PerformanceRow> Rows, FreshnessView? Freshness);

/// <summary>
/// <c>/api/blocks</c>: the blocks (khối) units are grouped into, and a block's figures added up
/// across its member units. Blocks have no plan, so every row is <c>no-target</c>.
/// </summary>
public sealed class BlocksEndpoints : IApiModule
{
    public void Map(RouteGroupBuilder api)
    {
        var blocks = api.MapGroup("/blocks").WithTags("Comparisons");
        blocks.MapGet("", ListAsync).RequireAuthorization(Policies.ReadFigures).WithName("ListBlocks")
            .WithSummary("The blocks (khối) units are grouped into, with their member units.");
        blocks.MapGet("/{block}/performance", GetAsync).RequireAuthorization(Policies.ReadFigures).WithName("GetBlockPerformance")
            .WithSummary("Actual against the same period last year, for every indicator, added up across a block's member units.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Ok<BlockList>> ListAsync(CatalogueReader catalogue, CancellationToken ct) =>
        TypedResults.Ok(new BlockList(BlockFigures.Blocks(await catalogue.UnitsAsync(ct))
            .Select(b => new BlockView(b.Key, b.Value)).ToList()));

    public static async Task<Results<Ok<BlockPerformanceResponse>, ProblemHttpResult>> GetAsync(
        string block, string? period, string? view, string? asOf, string? indicator,
        CatalogueReader catalogue, CallerAccess access, PerformanceQuery query, ProjectionFreshness freshness,
        IOptions<ProjectionOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var errors = new InputErrors();
        var request = await PerformanceRequest.ParseAsync(period, view, asOf, indicator, Features.Periods.PeriodInput.Today(clock), catalogue, errors, ct);
        if (request is null) return errors.ToProblem();
        if ((await catalogue.UnitsAsync(ct)).All(u => !string.Equals(u.Block, block, StringComparison.Ordinal)))
            return Problems.NotFound("block-not-found", $"No unit belongs to a block '{block}'.");
        if (!await access.CanReadBlockAsync(block, ct))
            return Problems.Forbidden($"Block '{block}' has members outside your units; only callers who read them all may read the block.");

        var fresh = request.AsOf is null ? await FreshnessView.AfterWaitAsync(freshness, options.Value.ReadWait, clock, ct) : null;
        var report = await query.RunForBlockAsync(block, request.Period.LastMonth, request.View, request.AsOf, request.Indicator, ct);
        return TypedResults.Ok(new BlockPerformanceResponse(report.Unit, "block", request.Period.Id, report.View, report.From, report.To,
            report.Label, report.AsOf, report.Rows, fresh));
    }
}
