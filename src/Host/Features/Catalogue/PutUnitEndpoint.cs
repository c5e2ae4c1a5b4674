using GovReport.Host.Infrastructure.Http;
using GovReport.Domain;
using GovReport.Domain.Catalogue;
using GovReport.Host.Infrastructure.Idempotency;
using GovReport.Host.Infrastructure.Writes;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Correlation;
using GovReport.Projections.Queries;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace GovReport.Host.Features.Catalogue;

/// <summary>The desired state of a unit: PUT registers it, or records what changed (renamed, moved, reclassified).</summary>
public sealed record PutUnitRequest(string? Name, string? Kind, string? ParentId, string? Block);

public sealed record UnitView(string Id, string Name, string Kind, string? ParentId, string? Block, long Version)
{
    internal static UnitView From(Unit unit, long version) =>
        new(unit.Id.Value, unit.Name, unit.Kind.ToApiString(), unit.ParentId?.Value, unit.Block, version);
}

internal static class PutUnitEndpoint
{
    public const int MaxBlockLength = 100;

    public static RouteHandlerBuilder MapPutUnit(this RouteGroupBuilder units) => units
        .MapPut("/{unitId}", Handle)
        .RequireAuthorization(Policies.ManageCatalogue)
        .WithName("PutUnit")
        .WithSummary("Registers, renames, moves or reclassifies a unit.")
        .WithDescription("kind is province, city, district, department, commune, ward or centre; parentId must be a registered unit "
            + "and must not place the unit beneath itself. An identical PUT records nothing. Planner or admin only. Supports If-Match.")
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed);

    internal static async Task<Results<Created<UnitView>, Ok<UnitView>, ProblemHttpResult>> Handle(
        string unitId, [FromBody] PutUnitRequest body, HttpContext http, RequestContext context,
        StreamCommands commands, CatalogueReader catalogue, NpgsqlDataSource dataSource, CancellationToken ct)
    {
        var errors = new InputErrors();
        var id = errors.UnitId("unitId", unitId);

        var name = errors.Required("name", body.Name, UnitDecider.MaxNameLength);
        var kind = errors.Named<UnitKind>("kind", body.Kind, UnitKinds.TryParse);
        var parent = body.ParentId is null ? null : errors.UnitId("parentId", body.ParentId);
        if (parent is not null && parent == id) errors.Add("parentId", "A unit cannot be its own parent.");
        var block = errors.Optional("block", body.Block, MaxBlockLength);
        if (errors.Any) return errors.ToProblem();

        // Two concurrent moves could each pass the cycle check against a tree the other is about to
        // change; moves under a parent are serialised across hosts so the check sees the latest tree.
        // Moving to the top or staying at the top cannot close a loop, so only a parent takes the lock.
        await using var connection = parent is null ? null : await dataSource.OpenConnectionAsync(ct);
        await using var transaction = connection is null ? null : await connection.BeginTransactionAsync(ct);
        if (parent is { } newParent)
        {
            await using (var lockTree = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended('govreport.unit-tree', 0))", connection, transaction))
                await lockTree.ExecuteNonQueryAsync(ct);
            var parents = (await catalogue.ParentsAsync(ct)).ToDictionary(
                p => UnitId.Parse(p.Key), p => p.Value is null ? (UnitId?)null : UnitId.Parse(p.Value));
            if (!parents.ContainsKey(newParent))
                errors.Add("parentId", $"No unit '{newParent}' is registered.");
            else if (UnitTree.WouldCreateCycle(parents, id!.Value, newParent))
                errors.Add("parentId", $"'{newParent}' lies beneath '{id}'; the move would put the unit beneath itself.");
            if (errors.Any) return errors.ToProblem();
        }

        var command = new DefineUnit(id!.Value, name!, kind!.Value, parent, block);
        var outcome = await commands.ExecuteAsync(
            StreamIds.Unit(command.Id), ETags.FromIfMatch(http.Request), UnitDecider.Decider, command,
            CommandProblems.Metadata(context), ct);
        if (transaction is not null) await transaction.CommitAsync(ct);

        if (DomainProblems.For(outcome) is { } problem) return problem;
        var view = UnitView.From(outcome.State!, outcome.Version);
        http.Response.Headers.ETag = ETags.For(outcome.Version);
        return outcome.Appended > 0 && outcome.Version == outcome.Appended
            ? TypedResults.Created($"/api/units/{view.Id}", view)
            : TypedResults.Ok(view);
    }
}
