using GovReport.Domain.Catalogue;

namespace GovReport.Domain.Accounts;

/// <summary>
/// Events of an account's stream: who held which right when. The password's hash is not among
/// them: the log is immutable and readable by auditors, so a secret put there could never be
/// taken back. <see cref="PasswordSet"/> records only that it changed, and by whom (metadata).
/// </summary>
public abstract record AccountEvent
{
    private protected AccountEvent() { }

    public abstract string Username { get; init; }
}

public sealed record AccountRegistered(string Username, string? Name) : AccountEvent;

public sealed record AccountRenamed(string Username, string? Name) : AccountEvent;

public sealed record PasswordSet(string Username) : AccountEvent;

public sealed record RoleGranted(string Username, string Role) : AccountEvent;

public sealed record RoleRevoked(string Username, string Role) : AccountEvent;

public sealed record UnitGranted(string Username, UnitId Unit) : AccountEvent;

public sealed record UnitRevoked(string Username, UnitId Unit) : AccountEvent;

public sealed record AccountDisabled(string Username) : AccountEvent;

public sealed record AccountEnabled(string Username) : AccountEvent;

/// <summary>
/// A restructuring retired <paramref name="From"/> and an admin moved the account to its
/// successor <paramref name="To"/>: from now on it acts for <paramref name="To"/> instead, and so
/// do the tokens issued to it naming <paramref name="From"/>. What it recorded before stays
/// recorded under <paramref name="From"/>.
/// </summary>
public sealed record AccountMovedToSuccessor(string Username, UnitId From, UnitId To, string Restructuring) : AccountEvent;
