using GovReport.Domain;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Restructurings;
using GovReport.Host.Features.Catalogue;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Correlation;
using GovReport.Host.Infrastructure.Http;
using GovReport.EventStore;
using GovReport.Host.Infrastructure.Writes;
using GovReport.Projections.Queries;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace GovReport.Host.Features.Restructurings;

/// <summary>
/// Restructurings (merges, splits, moves, renames, dissolutions) with an effective month and the
/// decision behind them; recorded or reverted, never edited. Planners and admins record them;
/// whoever may read a unit reads those naming it.
/// </summary>
public sealed class RestructuringEndpoints : IApiModule
{
    public void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/restructurings").WithTags("Restructurings");
        group.MapPost("/", RecordAsync).RequireAuthorization(Policies.ManageCatalogue).WithName("RecordRestructuring")
            .WithSummary("Records a merge, split, move, rename or dissolution from an effective month.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.ReadFigures).WithName("ListRestructurings")
            .WithSummary("The restructurings recorded, or those naming ?unit=.");
        group.MapGet("/{id}", GetAsync).RequireAuthorization(Policies.ReadFigures).WithName("GetRestructuring");
        group.MapPost("/{id}/revert", RevertAsync).RequireAuthorization(Policies.ManageCatalogue).WithName("RevertRestructuring")
            .WithSummary("Reverts a restructuring (with a reason): a later event, the original stays in the record.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapMoveAccounts();
    }

    internal static async Task<Results<Created<RestructuringView>, ProblemHttpResult>> RecordAsync(
        [FromBody] RestructuringRequest body, RequestContext context, StreamCommands commands, CatalogueReader catalogue,
        RestructuringQueries queries, NpgsqlDataSource dataSource, TimeProvider clock, CancellationToken ct)
    {
        var errors = new InputErrors();
        var id = "rs-" + Guid.NewGuid().ToString("N")[..16];
        var proposed = body.Parse(id, errors);
        if (proposed is null) return errors.ToProblem();

        var outcome = await WriteAsync(proposed, CommandProblems.Metadata(context, proposed.Reason),
            r => CommandProblems.Metadata(context, r.Reason ?? r.Decision), commands, catalogue, queries, dataSource,
            Periods.PeriodInput.Today(clock), ct);
        if (DomainProblems.For(outcome) is { } problem) return problem;
        var row = await queries.FindAsync(id, ct)
            ?? throw new InvalidOperationException($"Restructuring {id} was recorded but its row is missing.");
        return TypedResults.Created($"/api/restructurings/{id}", RestructuringView.From(row));
    }

    /// <summary>
    /// The one write path of a restructuring, the API's and the demo seed's: judged against the
    /// catalogue as it stands, then the moved or renamed unit's own stream follows.
    /// </summary>
    internal static async Task<CommandOutcome<RestructuringLog>> WriteAsync(
        Restructuring proposed, EventMetadata metadata, Func<Restructuring, EventMetadata> followMetadata,
        StreamCommands commands, CatalogueReader catalogue, RestructuringQueries queries, NpgsqlDataSource dataSource,
        DateOnly today, CancellationToken ct)
    {
        // Moves are serialised with PUT /api/units moves, so the cycle check sees the latest tree.
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var lockTree = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended('govreport.unit-tree', 0))", connection, transaction))
            await lockTree.ExecuteNonQueryAsync(ct);

        var facts = await FactsAsync(proposed, catalogue, queries, today, ct);
        var outcome = await commands.ExecuteAsync(StreamIds.Restructurings, null, RestructuringDecider.Decider,
            new RecordRestructuring(proposed, facts), metadata, ct);
        await transaction.CommitAsync(ct);
        if (outcome.Succeeded && outcome.State.Find(proposed.Id) is { } recorded)
            await UnitStreamFollower.FollowAsync(commands, recorded, followMetadata(recorded), ct);
        return outcome;
    }

    private static async Task<RestructuringFacts> FactsAsync(
        Restructuring proposed, CatalogueReader catalogue, RestructuringQueries queries, DateOnly today, CancellationToken ct)
    {
        var parents = (await catalogue.ParentsAsync(ct)).ToDictionary(
            p => UnitId.Parse(p.Key), p => p.Value is null ? (UnitId?)null : UnitId.Parse(p.Value));
        var named = proposed.Units.Where(parents.ContainsKey).ToList();
        var approved = await queries.LastApprovedAsync(named.Select(u => u.Value).ToList(), ct);
        var units = new Dictionary<UnitId, UnitFacts>();
        foreach (var unit in named)
            if (await catalogue.UnitAsync(unit.Value, ct) is { } row)
                units[unit] = new UnitFacts(row.Name, parents[unit], approved.TryGetValue(unit.Value, out var m) ? Month.Parse(m) : null);
        return new RestructuringFacts(units, parents, today);
    }

    internal static async Task<Results<Ok<IReadOnlyList<RestructuringView>>, ProblemHttpResult>> ListAsync(
        string? unit, CatalogueReader catalogue, CallerAccess access, RestructuringQueries queries, CancellationToken ct)
    {
        if (unit is not null)
        {
            if (!UnitId.TryParse(unit, out _, out var error)) return Problems.Validation("unit", error!);
            if (await catalogue.UnitAsync(unit, ct) is null) return Problems.Validation("unit", $"No unit '{unit}' is registered.");
            if (!await access.CanReadAsync(unit, ct)) return Problems.Forbidden($"You may not read the restructurings of {unit}.");
        }
        var rows = await queries.ListAsync(unit, ct);
        var visible = new List<RestructuringView>();
        foreach (var row in rows)
            if (unit is not null || access.Caller.ReadsEverything || await AnyReadableAsync(row, access, ct))
                visible.Add(RestructuringView.From(row));
        return TypedResults.Ok<IReadOnlyList<RestructuringView>>(visible);
    }

    private static async Task<bool> AnyReadableAsync(RestructuringRow row, CallerAccess access, CancellationToken ct)
    {
        foreach (var unit in row.Restructuring.Units)
            if (await access.CanReadAsync(unit.Value, ct)) return true;
        return false;
    }

    internal static async Task<Results<Ok<RestructuringView>, ProblemHttpResult>> GetAsync(
        string id, CallerAccess access, RestructuringQueries queries, CancellationToken ct)
    {
        if (id.Length > 64 || await queries.FindAsync(id, ct) is not { } row)
            return Problems.NotFound(Domain.Errors.ErrorCodes.RestructuringNotFound, $"No restructuring '{id}' is recorded.");
        if (!access.Caller.ReadsEverything && !await AnyReadableAsync(row, access, ct))
            return Problems.Forbidden($"You may not read restructuring {id}.");
        return TypedResults.Ok(RestructuringView.From(row));
    }

    internal static async Task<Results<Ok<RestructuringView>, ProblemHttpResult>> RevertAsync(
        string id, [FromBody] RevertRequest body, RequestContext context, StreamCommands commands, RestructuringQueries queries, CancellationToken ct)
    {
        if (id.Length > 64 || await queries.FindAsync(id, ct) is null)
            return Problems.NotFound(Domain.Errors.ErrorCodes.RestructuringNotFound, $"No restructuring '{id}' is recorded.");
        var errors = new InputErrors();
        var reason = errors.Required("reason", body.Reason, RestructuringDecider.MaxReasonLength);
        if (errors.Any) return errors.ToProblem();
        var outcome = await commands.ExecuteAsync(StreamIds.Restructurings, null, RestructuringDecider.Decider,
            new RevertRestructuring(id, reason!), CommandProblems.Metadata(context, reason), ct);
        if (DomainProblems.For(outcome) is { } problem) return problem;
        if (outcome.State.Find(id) is { } reverted)
            await UnitStreamFollower.UndoAsync(commands, reverted, CommandProblems.Metadata(context, reason), ct);
        return TypedResults.Ok(RestructuringView.From((await queries.FindAsync(id, ct))!));
    }
}

public static class RestructuringSetup
{
    public static IServiceCollection AddGovReportRestructurings(this IServiceCollection services)
    {
        services.AddSingleton<RestructuringQueries>();
        return services.AddApiModule<RestructuringEndpoints>();
    }
}
