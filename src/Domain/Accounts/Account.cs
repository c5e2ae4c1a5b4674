using System.Collections.Immutable;
using GovReport.Domain.Catalogue;

namespace GovReport.Domain.Accounts;

/// <summary>An account as its events leave it. Roles and units are the token's repeatable claims.</summary>
public sealed record Account(
    string Username,
    string? Name,
    ImmutableSortedSet<string> Roles,
    ImmutableSortedSet<UnitId> Units,
    bool Disabled);

/// <summary>
/// Creates the account or brings it to what is asked: the name, exactly these roles and units,
/// and, when <paramref name="PasswordChanged"/>, a new password (the caller has already hashed it).
/// </summary>
public sealed record SetUpAccount(string Username, string? Name, IReadOnlyList<string> Roles, IReadOnlyList<UnitId> Units, bool PasswordChanged);

public sealed record DisableAccount(string Username);

public sealed record EnableAccount(string Username);

/// <summary>Moves the account from the <paramref name="Predecessors"/> it holds to <paramref name="Successor"/>, by <paramref name="Restructuring"/>.</summary>
public sealed record MoveAccountToSuccessor(string Username, string Restructuring, IReadOnlyList<UnitId> Predecessors, UnitId Successor);
