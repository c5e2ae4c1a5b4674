using Npgsql;

namespace GovReport.Host.Infrastructure.Messaging;

/// <summary>
/// A session advisory lock on one fact (an approval to push, a reminder to deliver), held while
/// its handler checks, sends and records, so two deliveries of the same message on two hosts
/// never both send. Session-level, not a transaction: a lock held across an HTTP call must not
/// hold an open transaction, which would hold back every xid8 subscriber.
/// </summary>
internal sealed class FactLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly string _key;

    private FactLock(NpgsqlConnection connection, string key) => (_connection, _key) = (connection, key);

    public NpgsqlConnection Connection => _connection;

    public static async Task<FactLock> AcquireAsync(NpgsqlDataSource dataSource, string key, CancellationToken ct)
    {
        var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(hashtextextended(@key, 0))", connection);
            command.Parameters.AddWithValue("key", key);
            await command.ExecuteNonQueryAsync(ct);
            return new FactLock(connection, key);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtextextended(@key, 0))", _connection);
            command.Parameters.AddWithValue("key", _key);
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }
}
