using GovReport.Host.Infrastructure.Auth;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GovReport.Host.Infrastructure.Idempotency;

/// <summary>
/// A stored answer; <see cref="Pending"/> while the first request still runs (status 0).
/// <see cref="Grants"/> are the unit actions the first request was allowed: a replay must be allowed them again.
/// </summary>
public sealed record StoredAnswer(
    string Fingerprint, int Status, string? ContentType, string? ETag, string? Location, byte[] Body,
    IReadOnlyList<(UnitAction Action, string Unit)> Grants)
{
    public bool Pending => Status == 0;

    public static StoredAnswer Of(string fingerprint, HttpResponse response, byte[] body, IReadOnlyList<(UnitAction Action, string Unit)> grants) =>
        new(fingerprint, response.StatusCode, response.ContentType, NullIfEmpty(response.Headers.ETag.ToString()),
            NullIfEmpty(response.Headers.Location.ToString()), body, grants);

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}

/// <summary>
/// The idempotency keys' table. Each call is one short statement: a claim row (status 0) marks a
/// request in flight, its answer replaces it, and a failure releases it. A claim left by a host
/// that died is taken over after <see cref="AbandonedAfter"/>; an answer older than
/// <see cref="IdempotencyOptions.AnswerLifetime"/> is ignored, taken over by a new claim, and purged.
/// Times come from the injected clock, never the database's.
/// </summary>
public sealed class IdempotencyStore(NpgsqlDataSource dataSource, TimeProvider clock, IOptions<IdempotencyOptions> options)
{
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromMinutes(5);
    private long _nextPurgeTicks;

    private DateTimeOffset Now => clock.GetUtcNow();

    private DateTimeOffset ExpiredBefore => Now - options.Value.AnswerLifetime;

    public async Task<bool> TryClaimAsync(IdempotencyScope scope, string key, string fingerprint, CancellationToken ct)
    {
        await PurgeWhenDueAsync(ct);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO app.idempotency_keys AS k (subject, scope, key, fingerprint, status, body, created_at)
            VALUES (@s, @scope, @k, @f, 0, '', @now)
            ON CONFLICT (subject, scope, key) DO UPDATE SET fingerprint = excluded.fingerprint, created_at = excluded.created_at,
                status = 0, content_type = NULL, etag = NULL, location = NULL, body = '', grants = NULL
                WHERE (k.status = 0 AND k.created_at < @abandoned) OR k.created_at <= @expired
            """);
        Add(command, scope, key);
        command.Parameters.AddWithValue("f", fingerprint);
        command.Parameters.AddWithValue("now", Now);
        command.Parameters.AddWithValue("abandoned", Now - AbandonedAfter);
        command.Parameters.AddWithValue("expired", ExpiredBefore);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<StoredAnswer?> FindAsync(IdempotencyScope scope, string key, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT fingerprint, status, content_type, etag, location, body, grants FROM app.idempotency_keys
            WHERE subject = @s AND scope = @scope AND key = @k AND created_at > @expired
            """);
        Add(command, scope, key);
        command.Parameters.AddWithValue("expired", ExpiredBefore);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new StoredAnswer(reader.GetString(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.GetFieldValue<byte[]>(5), reader.IsDBNull(6) ? [] : ParseGrants(reader.GetString(6)));
    }

    public async Task CompleteAsync(IdempotencyScope scope, string key, StoredAnswer answer, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE app.idempotency_keys SET status = @status, content_type = @type, etag = @etag, location = @location, body = @body,
                grants = @grants
            WHERE subject = @s AND scope = @scope AND key = @k
            """);
        Add(command, scope, key);
        command.Parameters.AddWithValue("status", answer.Status);
        command.Parameters.AddWithValue("type", (object?)answer.ContentType ?? DBNull.Value);
        command.Parameters.AddWithValue("etag", (object?)answer.ETag ?? DBNull.Value);
        command.Parameters.AddWithValue("location", (object?)answer.Location ?? DBNull.Value);
        command.Parameters.AddWithValue("body", answer.Body);
        command.Parameters.AddWithValue("grants", NullIfEmpty(FormatGrants(answer.Grants)));
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task ReleaseAsync(IdempotencyScope scope, string key, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "DELETE FROM app.idempotency_keys WHERE subject = @s AND scope = @scope AND key = @k AND status = 0");
        Add(command, scope, key);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Deletes expired answers (and claims long abandoned); returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM app.idempotency_keys WHERE created_at <= @expired");
        command.Parameters.AddWithValue("expired", ExpiredBefore);
        return await command.ExecuteNonQueryAsync(ct);
    }

    // At most one purge per interval per host, on the write path, so no extra service has to run.
    private async Task PurgeWhenDueAsync(CancellationToken ct)
    {
        var now = Now.UtcTicks;
        var due = Interlocked.Read(ref _nextPurgeTicks);
        if (now < due || Interlocked.CompareExchange(ref _nextPurgeTicks, now + PurgeEvery.Ticks, due) != due) return;
        await PurgeAsync(ct);
    }

    private static void Add(NpgsqlCommand command, IdempotencyScope scope, string key)
    {
        command.Parameters.AddWithValue("s", scope.Subject);
        command.Parameters.AddWithValue("scope", scope.Scope);
        command.Parameters.AddWithValue("k", key);
    }

    // One grant a line, "action unit": unit ids and block scopes hold no spaces or line breaks.
    private static string FormatGrants(IReadOnlyList<(UnitAction Action, string Unit)> grants) =>
        string.Join('\n', grants.Distinct().Select(g => $"{g.Action} {g.Unit}"));

    // A line this version cannot read becomes a grant no one holds: the replay is refused, never waved through.
    private static IReadOnlyList<(UnitAction, string)> ParseGrants(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', 2))
            .Select(parts => parts.Length == 2 && Enum.TryParse<UnitAction>(parts[0], out var action) && Enum.IsDefined(action)
                ? (action, parts[1])
                : ((UnitAction)(-1), ""))
            .ToList();

    private static object NullIfEmpty(string value) => value.Length == 0 ? DBNull.Value : value;
}
