using System.Diagnostics;
using System.Threading.Channels;
using GovReport.EventStore;
using GovReport.Projections.Figures;
using GovReport.Projections.Poison;
using GovReport.Projections.ReadModels;
using GovReport.Projections.Serialization;
using Npgsql;

namespace GovReport.Projections.Rebuild;

public sealed record RebuildResult(string Schema, long Events, TimeSpan Elapsed, SubscriptionPosition Position)
{
    /// <summary>Events the figure projection could not fold and set aside in this replay, beyond those it already skipped.</summary>
    public IReadOnlyList<IsolatedEvent> Isolated { get; init; } = [];

    public double EventsPerSecond => Elapsed.TotalSeconds > 0 ? Events / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// Replays the whole log into a twin schema with the same projector code the live models use,
/// a large page at a time, remembering what it wrote so it does not read it back. The twin can
/// be compared with the live models (verify) or swapped in for them (rebuild).
/// </summary>
/// <param name="pageSize">Events per page: large, since a page costs a few statements whatever its size.</param>
/// <param name="heldMonths">How many of the latest months the replay keeps in memory (see <see cref="ReplayMemory"/>).</param>
public sealed class ReadModelRebuilder(NpgsqlDataSource dataSource, int pageSize = ReadModelRebuilder.DefaultPageSize, int heldMonths = 3)
{
    public const int DefaultPageSize = 5000;

    /// <summary>
    /// A twin of the live models, to compare with them (verify): it skips the events the live
    /// figure projection skips, so the two compare equal. It has the live schema's indexes but is
    /// not logged: it is dropped after the comparison, and a crash only means replaying again.
    /// </summary>
    public async Task<RebuildResult> ReplayIntoAsync(string schema, IProgress<long>? progress, CancellationToken ct) =>
        await ReplayIntoAsync(schema, durable: false, new ReplayMemory(heldMonths), await GuardedFigures.SkippedAsync(dataSource, ct), [], progress, ct);

    private async Task<RebuildResult> ReplayIntoAsync(string schema, bool durable, ReplayMemory memory, IReadOnlySet<SubscriptionPosition> skipped,
        List<IsolatedEvent> isolated, IProgress<long>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        TwinSchema twin;
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
            // A twin to be swapped in is written to the WAL as it fills: replaying it unlogged saved
            // less than making it logged at the end cost (a rewrite of every table and its indexes;
            // 17.8 + 3.2 s against 20.0 s at national size). One only compared is never made logged.
            twin = await TwinSchema.CreateAsync(connection, schema, unlogged: !durable, ct);
        var (events, position) = await ReplayAsync(schema, memory, skipped, isolated, progress, ct);
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        {
            await twin.CompleteAsync(connection, durable, ct);
            await using var analyze = new NpgsqlCommand($"ANALYZE {ReadModelSchema.Checked(schema)}.official_figures, {schema}.rollups", connection);
            await analyze.ExecuteNonQueryAsync(ct);
        }
        return new RebuildResult(schema, events, clock.Elapsed, position) { Isolated = isolated };
    }

    /// <summary>
    /// Rebuilds into a fresh schema, then, holding the read-model lock, replays what arrived
    /// meanwhile and swaps it in for the live one, moving the daemon's checkpoint with it. The
    /// events the figure projection skips stay skipped; with <paramref name="retryFailures"/> it
    /// tries them again, and those it now folds are marked resolved in the swap's transaction.
    /// </summary>
    public async Task<RebuildResult> RebuildLiveAsync(IProgress<long>? progress, CancellationToken ct, bool retryFailures = false)
    {
        // Two rebuilds at once would drop each other's twin schema mid-replay.
        await using var lease = await LeaderLease.TryAcquireAsync(dataSource, "rebuild", ct)
            ?? throw new RebuildInProgressException();
        const string fresh = "rm_rebuild";
        // The memory goes on from the replay to the catch-up: the same writer, the same tables.
        var memory = new ReplayMemory(heldMonths);
        var skipped = retryFailures ? new HashSet<SubscriptionPosition>() : await GuardedFigures.SkippedAsync(dataSource, ct);
        var isolated = new List<IsolatedEvent>();
        var built = await ReplayIntoAsync(fresh, durable: true, memory, skipped, isolated, progress, ct);
        var clock = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await ReadModelLock.TakeExclusiveAsync(connection, transaction, ct);
        var (more, position) = await CatchUpAsync(fresh, memory, skipped, isolated, built.Position, progress, connection, transaction, ct);
        var retired = $"rm_retired_{Guid.NewGuid():N}";
        await using (var swap = new NpgsqlCommand($"""
            ALTER SCHEMA {ReadModelSchema.Live} RENAME TO {retired};
            ALTER SCHEMA {fresh} RENAME TO {ReadModelSchema.Live};
            """, connection, transaction))
            await swap.ExecuteNonQueryAsync(ct);
        await EventSubscription.SetCheckpointAsync(connection, transaction, FigureProjection.SubscriptionName, position, ct);
        // The list of skips changes with the models it describes, never apart from them.
        foreach (var poison in isolated)
            await ProjectionFailures.RecordAsync(connection, transaction, FigureProjection.SubscriptionName, poison.Recorded, poison.Error, ct);
        if (retryFailures)
            await ProjectionFailures.ResolveAllButAsync(connection, transaction, FigureProjection.SubscriptionName,
                isolated.Select(i => i.Recorded.Position).ToList(), ct);
        await transaction.CommitAsync(ct);
        await using (var drop = new NpgsqlCommand($"DROP SCHEMA {retired} CASCADE", connection))
            await drop.ExecuteNonQueryAsync(ct);
        return new RebuildResult(ReadModelSchema.Live, built.Events + more, built.Elapsed + clock.Elapsed, position) { Isolated = isolated };
    }

    /// <summary>
    /// Replays everything committed so far into the empty schema, a page per transaction. The
    /// next page is read and decoded while the current one is written, so the database and the
    /// decoding work side by side.
    /// </summary>
    private async Task<(long Events, SubscriptionPosition Position)> ReplayAsync(string schema, ReplayMemory memory,
        IReadOnlySet<SubscriptionPosition> skipped, List<IsolatedEvent> isolated, IProgress<long>? progress, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var pages = Channel.CreateBounded<IReadOnlyList<DecodedEvent>>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var reading = ReadAheadAsync(pages.Writer, stop.Token);
        long events = 0;
        var position = SubscriptionPosition.Start;
        try
        {
            await foreach (var page in pages.Reader.ReadAllAsync(stop.Token))
            {
                await using var connection = await dataSource.OpenConnectionAsync(stop.Token);
                await using var transaction = await connection.BeginTransactionAsync(stop.Token);
                // Nothing rests on a twin until it is swapped in (that commit is durable as usual);
                // a crash before then only means building it again, so its pages need not wait for the disk.
                await using (var relaxed = new NpgsqlCommand("SET LOCAL synchronous_commit = off", connection, transaction))
                    await relaxed.ExecuteNonQueryAsync(stop.Token);
                isolated.AddRange(await ApplyAsync(new ProjectionContext(connection, transaction, schema) { Replay = memory }, page, skipped));
                await transaction.CommitAsync(stop.Token);
                events += page.Count;
                position = page[^1].Recorded.Position;
                progress?.Report(events);
            }
        }
        finally
        {
            // A failed write stops the reader; a failed read ends the loop above with its exception.
            await stop.CancelAsync();
            await reading;
        }
        return (events, position);
    }

    private async Task ReadAheadAsync(ChannelWriter<IReadOnlyList<DecodedEvent>> pages, CancellationToken ct)
    {
        var reader = new EventSubscription(dataSource);
        var position = SubscriptionPosition.Start;
        try
        {
            while (true)
            {
                var page = await reader.ReadPageAsync(position, pageSize, ct);
                if (page.Count == 0) break;
                await pages.WriteAsync(EventSerializer.Decode(page), ct);
                position = page[^1].Position;
            }
            pages.Complete();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            pages.TryComplete();
        }
        catch (Exception e)
        {
            pages.TryComplete(e);
        }
    }

    /// <summary>Applies what was committed after <paramref name="from"/>, in the caller's transaction.</summary>
    private async Task<(long Events, SubscriptionPosition Position)> CatchUpAsync(
        string schema, ReplayMemory memory, IReadOnlySet<SubscriptionPosition> skipped, List<IsolatedEvent> isolated,
        SubscriptionPosition from, IProgress<long>? progress,
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        var reader = new EventSubscription(dataSource);
        long events = 0;
        var position = from;
        while (true)
        {
            var page = await reader.ReadPageAsync(connection, transaction, position, pageSize, ct);
            if (page.Count == 0) return (events, position);
            isolated.AddRange(await ApplyAsync(new ProjectionContext(connection, transaction, schema) { Replay = memory }, EventSerializer.Decode(page), skipped));
            events += page.Count;
            position = page[^1].Position;
            progress?.Report(events);
        }
    }

    private static async Task<IReadOnlyList<IsolatedEvent>> ApplyAsync(
        ProjectionContext context, IReadOnlyList<DecodedEvent> page, IReadOnlySet<SubscriptionPosition> skipped)
    {
        await InlineProjector.ApplyAsync(context, page);
        return await GuardedFigures.ApplyAsync(context, page, skipped);
    }
}

/// <summary>Another rebuild holds the rebuild lease; this one did nothing.</summary>
public sealed class RebuildInProgressException() : InvalidOperationException("A rebuild of the read models is already running.");
