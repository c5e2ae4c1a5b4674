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
