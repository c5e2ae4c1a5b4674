using Npgsql;

namespace GovReport.Host.Application;

/// <summary>A stored answer; <see cref="Pending"/> while the first request still runs (status 0).</summary>
public sealed record StoredAnswer(string Fingerprint, int Status, string? ContentType, string? ETag, string? Location, byte[] Body)
{
    public bool Pending => Status == 0;

    public static StoredAnswer Of(string fingerprint, HttpResponse response, byte[] body) =>
        new(fingerprint, response.StatusCode, response.ContentType, NullIfEmpty(response.Headers.ETag.ToString()),
            NullIfEmpty(response.Headers.Location.ToString()), body);

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}

/// <summary>
/// The idempotency keys' table. Each call is one short statement: a claim row (status 0) marks a
/// request in flight, its answer replaces it, and a failure releases it. A claim left by a host
/// that died is taken over after <see cref="AbandonedAfter"/>.
/// </summary>
public sealed class IdempotencyStore(NpgsqlDataSource dataSource)
{
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    public async Task<bool> TryClaimAsync(string subject, string key, string fingerprint, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO app.idempotency_keys AS k (subject, key, fingerprint, status, body, created_at)
            VALUES (@s, @k, @f, 0, '', now())
            ON CONFLICT (subject, key) DO UPDATE SET fingerprint = excluded.fingerprint, created_at = now()
                WHERE k.status = 0 AND k.created_at < now() - @abandoned
            """);
        command.Parameters.AddWithValue("s", subject);
        command.Parameters.AddWithValue("k", key);
        command.Parameters.AddWithValue("f", fingerprint);
        command.Parameters.AddWithValue("abandoned", AbandonedAfter);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<StoredAnswer?> FindAsync(string subject, string key, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT fingerprint, status, content_type, etag, location, body FROM app.idempotency_keys WHERE subject = @s AND key = @k");
        command.Parameters.AddWithValue("s", subject);
        command.Parameters.AddWithValue("k", key);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new StoredAnswer(reader.GetString(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.GetFieldValue<byte[]>(5));
    }

    public async Task CompleteAsync(string subject, string key, StoredAnswer answer, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE app.idempotency_keys SET status = @status, content_type = @type, etag = @etag, location = @location, body = @body
            WHERE subject = @s AND key = @k
            """);
        command.Parameters.AddWithValue("s", subject);
        command.Parameters.AddWithValue("k", key);
        command.Parameters.AddWithValue("status", answer.Status);
        command.Parameters.AddWithValue("type", (object?)answer.ContentType ?? DBNull.Value);
        command.Parameters.AddWithValue("etag", (object?)answer.ETag ?? DBNull.Value);
        command.Parameters.AddWithValue("location", (object?)answer.Location ?? DBNull.Value);
        command.Parameters.AddWithValue("body", answer.Body);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task ReleaseAsync(string subject, string key, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM app.idempotency_keys WHERE subject = @s AND key = @k AND status = 0");
        command.Parameters.AddWithValue("s", subject);
        command.Parameters.AddWithValue("k", key);
        await command.ExecuteNonQueryAsync(ct);
    }
}
