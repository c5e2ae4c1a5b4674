using GovReport.Domain.Accounts;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Errors;
using GovReport.Domain.Restructurings;
using GovReport.Host.Features.Accounts;
using GovReport.Host.Features.Catalogue;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Auth.Accounts;
using GovReport.Host.Infrastructure.Correlation;
using GovReport.Host.Infrastructure.Http;
using GovReport.Projections.Queries;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace GovReport.Host.Features.Restructurings;

/// <summary>Which accounts to move: all holding a predecessor (usernames omitted) or these; a split names the successor.</summary>
public sealed record MoveAccountsRequest(string? Successor, IReadOnlyList<string>? Usernames);

public sealed record MovedAccountView(string Username, IReadOnlyList<string> From);

public sealed record MovedAccountsView(string Restructuring, string Successor, IReadOnlyList<MovedAccountView> Accounts);

/// <summary>
/// <c>POST /api/restructurings/{id}/accounts</c> (admin): the accounts of a merge's or split's
/// predecessors act for the successor from now on — their sessions from the next request, their
/// tokens through <see cref="SuccessorUnits"/>. Each account's stream records the move; the events
/// the accounts recorded before keep the predecessor they were recorded for.
/// </summary>
internal static class RestructuringAccountsEndpoint
{
    public const int MaxAccounts = 1_000;

    public static void MapMoveAccounts(this RouteGroupBuilder group) => group
        .MapPost("/{id}/accounts", MoveAsync).RequireAuthorization(Policies.ManageCatalogue).WithName("MoveRestructuringAccounts")
        .WithSummary("Moves the predecessors' accounts to the successor (admin).")
        .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Ok<MovedAccountsView>, ProblemHttpResult>> MoveAsync(
        string id, [FromBody] MoveAccountsRequest body, RequestContext context, CallerAccess access, RestructuringQueries queries,
        AccountDirectory directory, AccountWriter writer, CancellationToken ct)
    {
        if (!access.Caller.User.IsAdmin) return Problems.Forbidden("Only an admin moves accounts between units.");
        if (id.Length > 64 || await queries.FindAsync(id, ct) is not { } row)
            return Problems.NotFound(ErrorCodes.RestructuringNotFound, $"No restructuring '{id}' is recorded.");
        var r = row.Restructuring;
        if (row.RevertedAt is not null)
            return Problems.Conflict(ErrorCodes.InvalidTransition, $"Restructuring '{id}' was reverted; its units stand as before.");
        if (r.Kind is not (RestructuringKind.Merge or RestructuringKind.Split))
            return Problems.Conflict(ErrorCodes.InvalidTransition, $"A {r.Kind.ToApiString()} has no successor to move accounts to.");

        var errors = new InputErrors();
        UnitId? successor = null;
        if (body.Successor is null)
        {
            if (r.Successors.Count == 1) successor = r.Successors[0].Unit;
            else errors.Add("successor", "A split has several successors: name the one the accounts move to.");
        }
        else if (errors.UnitId("successor", body.Successor) is { } named)
        {
            if (r.Successors.Any(s => s.Unit == named)) successor = named;
            else errors.Add("successor", $"'{named}' is not a successor of restructuring '{id}'.");
        }
        if (body.Usernames is { Count: > MaxAccounts }) errors.Add("usernames", $"At most {MaxAccounts} accounts at once.");
        if (errors.Any) return errors.ToProblem();

        var predecessors = r.Predecessors.Select(p => p.Value).ToList();
        var holders = await directory.HoldingAnyAsync(predecessors, MaxAccounts + 1, ct);
        if (holders.Count > MaxAccounts)
            return Problems.Validation("usernames", $"More than {MaxAccounts} accounts hold the predecessors: name them in batches.");
        var chosen = holders;
        if (body.Usernames is { } usernames)
        {
            var byName = holders.ToDictionary(h => h.Username, StringComparer.Ordinal);
            foreach (var username in usernames.Distinct(StringComparer.Ordinal))
                if (!byName.ContainsKey(username ?? ""))
                    errors.Add("usernames", $"No account '{username}' acts for a predecessor of restructuring '{id}'.");
            if (errors.Any) return errors.ToProblem();
            chosen = usernames.Distinct(StringComparer.Ordinal).Select(u => byName[u]).ToList();
        }

        var metadata = CommandProblems.Metadata(context, $"{r.Decision} ({id})");
        var moved = new List<MovedAccountView>();
        foreach (var account in chosen)
        {
            var command = new MoveAccountToSuccessor(account.Username, id, r.Predecessors, successor!.Value);
            var (error, count) = await writer.MoveToSuccessorAsync(command, metadata, ct);
            if (error is not null) return DomainProblems.For(error);
            if (count > 0) moved.Add(new MovedAccountView(account.Username, account.Units.Where(predecessors.Contains).ToList()));
        }
        return TypedResults.Ok(new MovedAccountsView(id, successor!.Value.Value, moved));
    }
}
