using System.Diagnostics;
using GovReport.EventStore;
using GovReport.Projections.Figures;
using GovReport.Projections.ReadModels;
using Npgsql;

namespace GovReport.Projections.Rebuild;

public sealed record RebuildResult(string Schema, long Events, TimeSpan Elapsed, SubscriptionPosition Position)
{
    public double EventsPerSecond => Elapsed.TotalSeconds > 0 ? Events / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// Replays the whole log into a twin schema with the same projector code the live models use,
/// a large page at a time. The twin can be compared with the live models (verify) or swapped in
/// for them (rebuild).
/// </summary>
public sealed class ReadModelRebuilder(NpgsqlDataSource dataSource)
{
    public const int PageSize = 5000;

    public async Task<RebuildResult> ReplayIntoAsync(string schema, IProgress<long>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
            await ReadModelSchema.CreateScratchAsync(connection, schema, ct);
        var (events, position) = await CatchUpAsync(schema, SubscriptionPosition.Start, progress, transaction: null, ct);
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        await using (var analyze = new NpgsqlCommand($"ANALYZE {ReadModelSchema.Checked(schema)}.official_figures, {schema}.rollups", connection))
            await analyze.ExecuteNonQueryAsync(ct);
        return new RebuildResult(schema, events, clock.Elapsed, position);
    }

    /// <summary>
    /// Rebuilds into a fresh schema, then, holding the read-model lock, replays what arrived
    /// meanwhile and swaps it in for the live one, moving the daemon's checkpoint with it.
    /// </summary>
    public async Task<RebuildResult> RebuildLiveAsync(IProgress<long>? progress, CancellationToken ct)
    {
        // Two rebuilds at once would drop each other's twin schema mid-replay.
        await using var lease = await LeaderLease.TryAcquireAsync(dataSource, "rebuild", ct)
            ?? throw new RebuildInProgressException();
        const string fresh = "rm_rebuild";
        var built = await ReplayIntoAsync(fresh, progress, ct);
        var clock = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await ReadModelLock.TakeExclusiveAsync(connection, transaction, ct);
        var (more, position) = await CatchUpAsync(fresh, built.Position, progress, (connection, transaction), ct);
        var retired = $"rm_retired_{Guid.NewGuid():N}";
        await using (var swap = new NpgsqlCommand($"""
            ALTER SCHEMA {ReadModelSchema.Live} RENAME TO {retired};
            ALTER SCHEMA {fresh} RENAME TO {ReadModelSchema.Live};
            INSERT INTO es.subscriptions (name, tx_id, seq, updated_at) VALUES (@name, @tx::text::xid8, @seq, now())
            ON CONFLICT (name) DO UPDATE SET tx_id = excluded.tx_id, seq = excluded.seq, updated_at = now();
            """, connection, transaction))
        {
            swap.Parameters.AddWithValue("name", FigureProjection.SubscriptionName);
            swap.Parameters.AddWithValue("tx", position.TransactionId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            swap.Parameters.AddWithValue("seq", position.Sequence);
            await swap.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
        await using (var drop = new NpgsqlCommand($"DROP SCHEMA {retired} CASCADE", connection))
            await drop.ExecuteNonQueryAsync(ct);
        return new RebuildResult(ReadModelSchema.Live, built.Events + more, built.Elapsed + clock.Elapsed, position);
    }

    private async Task<(long Events, SubscriptionPosition Position)> CatchUpAsync(
        string schema, SubscriptionPosition from, IProgress<long>? progress,
        (NpgsqlConnection Connection, NpgsqlTransaction Transaction)? transaction, CancellationToken ct)
    {
        var reader = new EventSubscription(dataSource);
        long events = 0;
        var position = from;
        while (true)
        {
            NpgsqlConnection? own = null;
            NpgsqlTransaction? ownTransaction = null;
            try
            {
                if (transaction is null)
                {
                    own = await dataSource.OpenConnectionAsync(ct);
                    ownTransaction = await own.BeginTransactionAsync(ct);
                }
                var (connection, tx) = transaction ?? (own!, ownTransaction!);
                var page = await reader.ReadPageAsync(connection, tx, position, PageSize, ct);
                if (page.Count == 0) return (events, position);
                var context = new ProjectionContext(connection, tx, schema);
                var decoded = Serialization.EventSerializer.Decode(page);
                await InlineProjector.ApplyAsync(context, decoded);
                await FigureProjection.ApplyPageAsync(context, decoded);
                if (ownTransaction is not null) await ownTransaction.CommitAsync(ct);
                events += page.Count;
                position = page[^1].Position;
                progress?.Report(events);
            }
            finally
            {
                if (ownTransaction is not null) await ownTransaction.DisposeAsync();
                if (own is not null) await own.DisposeAsync();
            }
        }
    }
}

/// <summary>Another rebuild holds the rebuild lease; this one did nothing.</summary>
public sealed class RebuildInProgressException() : InvalidOperationException("A rebuild of the read models is already running.");
