using GovReport.Domain;
using GovReport.Domain.Accounts;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Errors;
using GovReport.EventStore;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Auth.Accounts;
using GovReport.Host.Infrastructure.Writes;
using GovReport.Projections.Queries;

namespace GovReport.Host.Features.Accounts;

/// <summary>An account as asked for by <c>user add</c> or the seed. A null password keeps the current one.</summary>
public sealed record AccountRequest(string Username, string? Password, IReadOnlyList<string> Roles, IReadOnlyList<string> Units, string? Name);

/// <summary>
/// Creates or updates an account: checks what the domain cannot (roles the host knows, units that
/// exist, the password rule), appends the account's events, then stores the password's hash.
/// The event comes first: a failure between the two leaves the log saying the password changed
/// (and old sessions ended), never a silent change the log does not show.
/// </summary>
public sealed class AccountWriter(StreamCommands commands, CatalogueReader catalogue, Credentials credentials)
{
    public const string Source = "accounts";

    public async Task<DomainError?> SetUpAsync(AccountRequest request, string actor, CancellationToken ct)
    {
        if (request.Password is { } password && !PasswordRule.IsAcceptable(password))
            return new DomainError("invalid-password", PasswordRule.Explain, "password");
        if (request.Roles.FirstOrDefault(r => !Roles.IsKnown(r)) is { } unknownRole)
            return new DomainError(ErrorCodes.InvalidRole, $"Unknown role '{unknownRole}'. Roles: {string.Join(", ", Roles.All)}.", "role");
        var units = new List<UnitId>();
        foreach (var text in request.Units)
        {
            if (!UnitId.TryParse(text, out var unit, out var error))
                return new DomainError("invalid-unit", error!, "unit");
            if (await catalogue.UnitAsync(unit.Value, ct) is null)
                return new DomainError("unknown-unit", $"There is no unit '{unit}'.", "unit");
            units.Add(unit);
        }

        var username = request.Username;
        var command = new SetUpAccount(username, request.Name, request.Roles, units, PasswordChanged: request.Password is not null);
        var outcome = await commands.ExecuteAsync(Stream(username), null, AccountDecider.Decider, command,
            new EventMetadata(actor, Source), ct);
        if (outcome.Error is { } refused) return refused;
        if (outcome.StaleVersion) return new DomainError("conflict", "The account changed meanwhile; try again.");
        if (request.Password is not null)
            await credentials.SaveAsync(username, Credentials.Hash(username, request.Password), ct);
        return null;
    }

    public async Task<DomainError?> SetDisabledAsync(string username, bool disabled, string actor, CancellationToken ct)
    {
        if (!Username.IsValid(username)) return new DomainError(ErrorCodes.InvalidUsername, Username.Explain(username), "username");
        object command = disabled ? new DisableAccount(username) : new EnableAccount(username);
        var outcome = await commands.ExecuteAsync(Stream(username), null, AccountDecider.Decider, command, new EventMetadata(actor, Source), ct);
        return outcome.Error;
    }

    /// <summary>Moves the account from the predecessors it holds to the successor; nothing when it holds none.</summary>
    public async Task<(DomainError? Error, int Moved)> MoveToSuccessorAsync(MoveAccountToSuccessor command, EventMetadata metadata, CancellationToken ct)
    {
        var outcome = await commands.ExecuteAsync(Stream(command.Username), null, AccountDecider.Decider, command, metadata, ct);
        return (outcome.Error, outcome.Appended);
    }

    private static string Stream(string username) => StreamIds.Account(username);
}
