using GovReport.Testing;
using Npgsql;

namespace GovReport.Host.Tests.Faults;

/// <summary>
/// A test database that refuses every new connection (CONNECTION LIMIT 0, SQLSTATE 53300) and
/// has lost the ones it had, as after a restart, until disposed. Only the test's own database
/// changes: the shared server keeps serving everyone else.
/// </summary>
public sealed class RefusingDatabase(string database) : IAsyncDisposable
{
    public static async Task<RefusingDatabase> BeginAsync(string database)
    {
        await AdminAsync($"ALTER DATABASE \"{database}\" CONNECTION LIMIT 0");
        await AdminAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}' AND pid <> pg_backend_pid()");
        NpgsqlConnection.ClearAllPools();
        return new RefusingDatabase(database);
    }

    public async ValueTask DisposeAsync() => await AdminAsync($"ALTER DATABASE \"{database}\" CONNECTION LIMIT -1");

    private static async Task AdminAsync(string sql)
    {
        await using var admin = new NpgsqlConnection(TestDatabase.AdminConnectionString);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }
}
