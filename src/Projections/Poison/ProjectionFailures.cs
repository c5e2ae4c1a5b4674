using System.Globalization;
using GovReport.EventStore;
using GovReport.EventStore.Schema;
using Npgsql;

namespace GovReport.Projections.Poison;

/// <summary>
/// The durable list of events projections skipped. It lives beside the log (schema es), not in
/// the read models, because it must outlive a rebuild: a rebuild reads it to skip exactly the
/// events the live projection skipped, so that the two stay equal.
/// </summary>
public static class ProjectionFailures
{
    public const string Component = "projection-failures";

    public static readonly IReadOnlyList<Migration> Migrations =
    [
        new(1, "projection failures", """
            CREATE TABLE es.projection_failures (
                projection       text        NOT NULL,
                tx_id            xid8        NOT NULL,
                seq              bigint      NOT NULL,
                stream_id        text        NOT NULL,
                event_type       text        NOT NULL,
                error            text        NOT NULL,
                first_failed_at  timestamptz NOT NULL DEFAULT now(),
                last_failed_at   timestamptz NOT NULL DEFAULT now(),
                attempts         int         NOT NULL DEFAULT 1,
                resolved_at      timestamptz,
                PRIMARY KEY (projection, tx_id, seq));
            """),
    ];

    public static Task MigrateAsync(NpgsqlDataSource dataSource, CancellationToken ct = default) =>
        SchemaMigrator.MigrateAsync(dataSource, Component, Migrations, ct);

    private const int MaxErrorLength = 2000;

    /// <summary>Records (or records again) that <paramref name="projection"/> skipped the event, in the caller's transaction.</summary>
    public static async Task RecordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        string projection, RecordedEvent recorded, Exception error, CancellationToken ct = default)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO es.projection_failures (projection, tx_id, seq, stream_id, event_type, error)
            VALUES (@projection, @tx::text::xid8, @seq, @stream, @type, @error)
            ON CONFLICT (projection, tx_id, seq) DO UPDATE SET error = excluded.error, last_failed_at = now(),
                attempts = es.projection_failures.attempts + 1, resolved_at = NULL
            """, connection, transaction);
        command.Parameters.AddWithValue("projection", projection);
        command.Parameters.AddWithValue("tx", recorded.TransactionId.ToString(CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("seq", recorded.Sequence);
        command.Parameters.AddWithValue("stream", recorded.StreamId);
        command.Parameters.AddWithValue("type", recorded.Type);
        var text = $"{error.GetType().Name}: {error.Message}";
        command.Parameters.AddWithValue("error", text.Length > MaxErrorLength ? text[..MaxErrorLength] : text);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Marks as folded after all the failures of <paramref name="projection"/> that are not in <paramref name="stillFailing"/>.</summary>
    public static async Task ResolveAllButAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        string projection, IReadOnlyCollection<SubscriptionPosition> stillFailing, CancellationToken ct = default)
    {
        await using var command = new NpgsqlCommand("""
            UPDATE es.projection_failures SET resolved_at = now()
            WHERE projection = @projection AND resolved_at IS NULL
              AND (tx_id::text, seq) NOT IN (SELECT t, s FROM unnest(@txs, @seqs) AS k(t, s))
            """, connection, transaction);
        command.Parameters.AddWithValue("projection", projection);
        command.Parameters.AddWithValue("txs", stillFailing.Select(p => p.TransactionId.ToString(CultureInfo.InvariantCulture)).ToArray());
        command.Parameters.AddWithValue("seqs", stillFailing.Select(p => p.Sequence).ToArray());
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The events <paramref name="projection"/> skips: its unresolved failures.</summary>
    public static async Task<HashSet<SubscriptionPosition>> SkippedAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction,
        string projection, CancellationToken ct = default) =>
        (await ReadAsync(connection, transaction, projection, unresolvedOnly: true, ct)).Select(f => f.Position).ToHashSet();

    public static async Task<IReadOnlyList<ProjectionFailure>> ListAsync(NpgsqlDataSource dataSource, string? projection = null,
        bool unresolvedOnly = false, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await ReadAsync(connection, null, projection, unresolvedOnly, ct);
    }

    private static async Task<IReadOnlyList<ProjectionFailure>> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction,
        string? projection, bool unresolvedOnly, CancellationToken ct)
    {
        // Before the first migration (a tool run against an old database) nothing has been skipped.
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('es.projection_failures') IS NOT NULL", connection, transaction))
            if (!(bool)(await exists.ExecuteScalarAsync(ct))!) return [];
        await using var command = new NpgsqlCommand("""
            SELECT projection, tx_id::text, seq, stream_id, event_type, error, first_failed_at, last_failed_at, attempts, resolved_at
            FROM es.projection_failures f
            WHERE (@projection::text IS NULL OR projection = @projection) AND (NOT @unresolved OR resolved_at IS NULL)
            ORDER BY f.projection, f.tx_id, f.seq
            """, connection, transaction);
        command.Parameters.AddWithValue("projection", (object?)projection ?? DBNull.Value);
        command.Parameters.AddWithValue("unresolved", unresolvedOnly);
        var failures = new List<ProjectionFailure>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            failures.Add(new ProjectionFailure(reader.GetString(0),
                new SubscriptionPosition(ulong.Parse(reader.GetString(1), CultureInfo.InvariantCulture), reader.GetInt64(2)),
                reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.GetFieldValue<DateTimeOffset>(6), reader.GetFieldValue<DateTimeOffset>(7), reader.GetInt32(8),
                reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9)));
        return failures;
    }
}
