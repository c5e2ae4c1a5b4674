using Npgsql;

namespace GovReport.Host.Infrastructure.Auth.Accounts;

/// <summary>
/// Five wrong passwords in a row lock a name for fifteen minutes. Kept by name, whether an account
/// has it or not, so the answer never tells an attacker which names exist. Failures older than the
/// window no longer count, and their rows are pruned.
/// </summary>
public sealed class SignInLockout(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockFor = TimeSpan.FromMinutes(15);

    public async Task<bool> IsLockedAsync(string username, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT 1 FROM app.sign_in_failures WHERE username = @user AND locked_until > @now");
        command.Parameters.AddWithValue("user", username);
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        return await command.ExecuteScalarAsync(ct) is not null;
    }

    /// <summary>Counts a failure; true when it was the one that locked the name.</summary>
    public async Task<bool> RecordFailureAsync(string username, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await ExecuteAsync(connection, username, now, """
            DELETE FROM app.sign_in_failures
            WHERE last_failure_at < @stale AND (locked_until IS NULL OR locked_until < @now) AND username <> @user
            """, ct);
        var failures = (int)(await ExecuteAsync(connection, username, now, """
            INSERT INTO app.sign_in_failures AS f (username, failures, last_failure_at, locked_until)
            VALUES (@user, 1, @now, NULL)
            ON CONFLICT (username) DO UPDATE SET
                failures = CASE WHEN f.last_failure_at >= @stale AND (f.locked_until IS NULL OR f.locked_until <= @now)
                                THEN f.failures + 1 ELSE 1 END,
                last_failure_at = @now
            RETURNING failures
            """, ct))!;
        if (failures < MaxFailures) return false;
        await ExecuteAsync(connection, username, now,
            "UPDATE app.sign_in_failures SET locked_until = @until, failures = 0 WHERE username = @user", ct);
        return true;
    }

    private static async Task<object?> ExecuteAsync(NpgsqlConnection connection, string username, DateTimeOffset now, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("user", username);
        command.Parameters.AddWithValue("now", now);
        if (sql.Contains("@stale", StringComparison.Ordinal)) command.Parameters.AddWithValue("stale", now - LockFor);
        if (sql.Contains("@until", StringComparison.Ordinal)) command.Parameters.AddWithValue("until", now + LockFor);
        return await command.ExecuteScalarAsync(ct);
    }

    public async Task ClearAsync(string username, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM app.sign_in_failures WHERE username = @user");
        command.Parameters.AddWithValue("user", username);
        await command.ExecuteNonQueryAsync(ct);
    }
}
