using Npgsql;

namespace GovReport.EventStore;

/// <summary>
/// Leadership among hosts: a session advisory lock held on one dedicated connection. The lock
/// lives exactly as long as that connection, so a crashed or partitioned leader loses it when
/// PostgreSQL drops its session, and another host takes over.
/// </summary>
public sealed class LeaderLease : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;

    private LeaderLease(string name, NpgsqlConnection connection) => (Name, _connection) = (name, connection);

    public string Name { get; }

    /// <summary>Takes the lease if nobody holds it; null if another host does.</summary>
    public static async Task<LeaderLease?> TryAcquireAsync(NpgsqlDataSource dataSource, string name, CancellationToken ct)
    {
        var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(hashtextextended(@name, 0))", connection);
            command.Parameters.AddWithValue("name", "govreport-leader:" + name);
            if ((bool)(await command.ExecuteScalarAsync(ct))!) return new LeaderLease(name, connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    /// <summary>True while the session that holds the lock is alive.</summary>
    public async Task<bool> IsHeldAsync(CancellationToken ct)
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT 1", _connection);
            await command.ExecuteScalarAsync(ct);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // A pooled connection outlives Dispose, and the lock with it: release it explicitly.
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtextextended(@name, 0))", _connection);
            command.Parameters.AddWithValue("name", "govreport-leader:" + Name);
            await command.ExecuteScalarAsync();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // The session is gone, and the lock with it.
        }
        await _connection.DisposeAsync();
    }
}
