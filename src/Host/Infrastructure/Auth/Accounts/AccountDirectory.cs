using Npgsql;

namespace GovReport.Host.Infrastructure.Auth.Accounts;

/// <summary>An account as the read model holds it.</summary>
public sealed record AccountRow(
    string Username, string? Name, IReadOnlyList<string> Roles, IReadOnlyList<string> Units, bool Disabled,
    DateTimeOffset RegisteredAt, DateTimeOffset? PasswordSetAt);

/// <summary>Reads <c>rm.accounts</c>: sign-in, the session check on every page, the admin list.</summary>
public sealed class AccountDirectory(NpgsqlDataSource dataSource)
{
    private const string Columns = "username, name, roles, units, disabled, registered_at, password_set_at";

    public async Task<AccountRow?> FindAsync(string username, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM rm.accounts WHERE username = @user");
        command.Parameters.AddWithValue("user", username);
        return (await ReadAsync(command, ct)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<AccountRow>> ListAsync(int limit, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM rm.accounts ORDER BY username LIMIT @limit");
        command.Parameters.AddWithValue("limit", limit);
        return await ReadAsync(command, ct);
    }

    /// <summary>The accounts acting for any of <paramref name="units"/>, by username.</summary>
    public async Task<IReadOnlyList<AccountRow>> HoldingAnyAsync(IReadOnlyCollection<string> units, int limit, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM rm.accounts WHERE units && @units ORDER BY username LIMIT @limit");
        command.Parameters.AddWithValue("units", units.ToArray());
        command.Parameters.AddWithValue("limit", limit);
        return await ReadAsync(command, ct);
    }

    /// <summary>
    /// Which of <paramref name="units"/> the account was moved away from by a restructuring, and
    /// to which successor; empty for anyone else (a token need not belong to an account).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> MovesAsync(string username, IReadOnlyCollection<string> units, CancellationToken ct = default)
    {
        var moves = new Dictionary<string, string>(StringComparer.Ordinal);
        if (units.Count == 0) return moves;
        await using var command = dataSource.CreateCommand(
            "SELECT from_unit, to_unit FROM rm.account_moves WHERE username = @user AND from_unit = ANY(@units)");
        command.Parameters.AddWithValue("user", username);
        command.Parameters.AddWithValue("units", units.ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) moves[reader.GetString(0)] = reader.GetString(1);
        return moves;
    }

    private static async Task<List<AccountRow>> ReadAsync(NpgsqlCommand command, CancellationToken ct)
    {
        var rows = new List<AccountRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(new AccountRow(
                reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetFieldValue<string[]>(2), reader.GetFieldValue<string[]>(3), reader.GetBoolean(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6)));
        return rows;
    }
}
