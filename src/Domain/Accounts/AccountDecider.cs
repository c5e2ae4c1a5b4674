using System.Collections.Immutable;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Errors;

namespace GovReport.Domain.Accounts;

public static class AccountDecider
{
    public const int MaxNameLength = 200;
    public const int MaxRoles = 10;
    public const int MaxUnits = 200;
    public const int MaxRoleLength = 32;

    public static Account? Initial => null;

    public static Decision<AccountEvent> Decide(object command, Account? state) => command switch
    {
        SetUpAccount c => SetUp(c, state),
        DisableAccount c when state is null => Missing(c.Username),
        DisableAccount c => state.Disabled ? Decision<AccountEvent>.Nothing : Decision<AccountEvent>.Ok(new AccountDisabled(c.Username)),
        EnableAccount c when state is null => Missing(c.Username),
        EnableAccount c => state.Disabled ? Decision<AccountEvent>.Ok(new AccountEnabled(c.Username)) : Decision<AccountEvent>.Nothing,
        MoveAccountToSuccessor c when state is null => Missing(c.Username),
        MoveAccountToSuccessor c => Move(c, state),
        _ => Decision<AccountEvent>.Nothing,
    };

    private static Decision<AccountEvent> SetUp(SetUpAccount command, Account? state)
    {
        var user = command.Username;
        if (!Username.IsValid(user))
            return Decision<AccountEvent>.Fail(ErrorCodes.InvalidUsername, Username.Explain(user), "username");
        var name = string.IsNullOrWhiteSpace(command.Name) ? null : command.Name.Trim();
        if (name is { Length: > MaxNameLength })
            return Decision<AccountEvent>.Fail(ErrorCodes.NameTooLong, $"A name has at most {MaxNameLength} characters.", "name");
        var roles = command.Roles.Select(r => r.Trim()).ToImmutableSortedSet(StringComparer.Ordinal);
        if (roles.Count == 0)
            return Decision<AccountEvent>.Fail(ErrorCodes.RoleRequired, "An account needs at least one role.", "role");
        if (roles.Count > MaxRoles || roles.Any(r => r.Length is 0 or > MaxRoleLength))
            return Decision<AccountEvent>.Fail(ErrorCodes.InvalidRole, $"At most {MaxRoles} roles of at most {MaxRoleLength} characters.", "role");
        var units = command.Units.ToImmutableSortedSet();
        if (units.Count > MaxUnits)
            return Decision<AccountEvent>.Fail(ErrorCodes.TooManyUnits, $"An account acts for at most {MaxUnits} units.", "unit");
        // A new account cannot sign in without a password.
        if (state is null && !command.PasswordChanged)
            return Decision<AccountEvent>.Fail(ErrorCodes.PasswordRequired, "A new account needs a password.", "password");

        var events = new List<AccountEvent>();
        if (state is null) events.Add(new AccountRegistered(user, name));
        else if (state.Name != name) events.Add(new AccountRenamed(user, name));
        if (command.PasswordChanged) events.Add(new PasswordSet(user));

        var heldRoles = state?.Roles ?? ImmutableSortedSet.Create<string>(StringComparer.Ordinal);
        var heldUnits = state?.Units ?? ImmutableSortedSet<UnitId>.Empty;
        events.AddRange(heldRoles.Except(roles).Select(r => new RoleRevoked(user, r)));
        events.AddRange(roles.Except(heldRoles).Select(r => new RoleGranted(user, r)));
        events.AddRange(heldUnits.Except(units).Select(u => new UnitRevoked(user, u)));
        events.AddRange(units.Except(heldUnits).Select(u => new UnitGranted(user, u)));
        return Decision<AccountEvent>.Ok([.. events]);
    }

    /// <summary>Each predecessor the account holds becomes the successor; one it does not hold is nothing to move.</summary>
    private static Decision<AccountEvent> Move(MoveAccountToSuccessor command, Account state) =>
        Decision<AccountEvent>.Ok([.. command.Predecessors.Distinct().Where(state.Units.Contains)
            .Select(p => new AccountMovedToSuccessor(command.Username, p, command.Successor, command.Restructuring))]);

    private static Decision<AccountEvent> Missing(string username) =>
        Decision<AccountEvent>.Fail(ErrorCodes.UnknownAccount, $"There is no account '{username}'.", "username");

    public static Account? Evolve(Account? state, AccountEvent @event) => @event switch
    {
        AccountRegistered e => new Account(e.Username, e.Name, ImmutableSortedSet.Create<string>(StringComparer.Ordinal), ImmutableSortedSet<UnitId>.Empty, false),
        AccountRenamed e when state is not null => state with { Name = e.Name },
        RoleGranted e when state is not null => state with { Roles = state.Roles.Add(e.Role) },
        RoleRevoked e when state is not null => state with { Roles = state.Roles.Remove(e.Role) },
        UnitGranted e when state is not null => state with { Units = state.Units.Add(e.Unit) },
        UnitRevoked e when state is not null => state with { Units = state.Units.Remove(e.Unit) },
        AccountMovedToSuccessor e when state is not null => state with { Units = state.Units.Remove(e.From).Add(e.To) },
        AccountDisabled when state is not null => state with { Disabled = true },
        AccountEnabled when state is not null => state with { Disabled = false },
        _ => state,
    };

    public static Decider<object, Account?, AccountEvent> Decider { get; } = new(Initial, Decide, Evolve);
}
