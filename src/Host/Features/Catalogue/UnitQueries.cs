using GovReport.Domain;
using GovReport.Domain.Catalogue;
using GovReport.Host.Infrastructure.Http;
using GovReport.Host.Infrastructure.Idempotency;
using GovReport.Host.Infrastructure.Writes;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Projections.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovReport.Host.Features.Catalogue;

/// <summary>One node of the unit tree; <see cref="Children"/> are the ids of the units directly beneath it.</summary>
public sealed record UnitNode(string Id, string Name, string Kind, string? ParentId, string? Block, IReadOnlyList<string> Children);

/// <summary>
/// The whole tree, flat: every unit once, ordered by id, with its children's ids; <see cref="Roots"/>
/// are the units with no parent, where a walk down the tree starts.
/// </summary>
public sealed record UnitTreeView(IReadOnlyList<UnitNode> Units, IReadOnlyList<string> Roots);

public sealed record UnitDetailView(
    string Id, string Name, string Kind, string? ParentId, string? Block, long Version, IReadOnlyList<string> Children);

internal static class UnitQueries
{
    public static void MapUnitQueries(this RouteGroupBuilder units)
    {
        units.MapGet("/", GetTree)
            .RequireAuthorization(Policies.ReadFigures)
            .WithName("GetUnits")
            .WithSummary("The unit tree: every unit with its children's ids, and the roots.");
        units.MapGet("/{unitId}", GetOne)
            .RequireAuthorization(Policies.ReadFigures)
            .WithName("GetUnit")
            .WithSummary("One unit with its children's ids; the ETag is the unit stream's version.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal static async Task<Ok<UnitTreeView>> GetTree(CatalogueReader catalogue, CancellationToken ct)
    {
        var rows = await catalogue.UnitsAsync(ct);
        var known = rows.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var children = ChildrenByParent(rows.Select(r => (r.Id, r.ParentId)));
        var nodes = rows
            .Select(r => new UnitNode(r.Id, r.Name, r.Kind, r.ParentId, r.Block, children.GetValueOrDefault(r.Id) ?? []))
            .ToList();
        // A parent that is not registered cannot be walked to, so its child is where a walk starts.
        var roots = rows.Where(r => r.ParentId is null || !known.Contains(r.ParentId)).Select(r => r.Id).ToList();
        return TypedResults.Ok(new UnitTreeView(nodes, roots));
    }

    internal static async Task<Results<Ok<UnitDetailView>, ProblemHttpResult>> GetOne(
        string unitId, HttpContext http, StreamCommands commands, CatalogueReader catalogue, CancellationToken ct)
    {
        var errors = new InputErrors();
        if (errors.UnitId("unitId", unitId) is not { } id) return errors.ToProblem();

        var (unit, version) = await commands.LoadAsync(StreamIds.Unit(id), UnitDecider.Decider, null, ct);
        if (unit is null) return Problems.NotFound("unit-not-found", $"No unit '{id}' is registered.");

        var parents = await catalogue.ParentsAsync(ct);
        var children = parents.Where(p => p.Value == id.Value).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        // A move or rename by restructuring reaches the unit's own stream too (UnitStreamFollower).
        http.Response.Headers.ETag = ETags.For(version);
        return TypedResults.Ok(new UnitDetailView(
            unit.Id.Value, unit.Name, unit.Kind.ToApiString(), unit.ParentId?.Value, unit.Block, version, children));
    }

    private static Dictionary<string, List<string>> ChildrenByParent(IEnumerable<(string Id, string? ParentId)> units) =>
        units.Where(u => u.ParentId is not null)
            .GroupBy(u => u.ParentId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(u => u.Id).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
}
