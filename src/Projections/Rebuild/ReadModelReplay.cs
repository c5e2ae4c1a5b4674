using System.Diagnostics;
using GovReport.EventStore;
using GovReport.Projections.Figures;
using GovReport.Projections.ReadModels;
using Npgsql;

namespace GovReport.Projections.Rebuild;

/// <summary>
/// Replays the log into a scratch read-model schema with the live projector code, optionally
/// keeping only events recorded up to an instant: the read models as they stood then, for an
/// auditor to query with SQL. Also continues an earlier replay from where it stopped, so verify
/// can catch a twin up with events appended while it was being built.
/// </summary>
public sealed class ReadModelReplay(NpgsqlDataSource dataSource)
{
    public static readonly TimeSpan HeldBackWait = TimeSpan.FromSeconds(5);

    public async Task<RebuildResult> ReplayAsOfAsync(string schema, DateTimeOffset upTo, IProgress<long>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
            await ReadModelSchema.CreateScratchAsync(connection, schema, ct);
        var (events, position) = await ContinueAsync(schema, SubscriptionPosition.Start, upTo, progress, ct);
        return new RebuildResult(schema, events, clock.Elapsed, position);
    }

    /// <summary>Applies the events after <paramref name="from"/> (recorded up to <paramref name="upTo"/>, if given).</summary>
    public async Task<(long Events, SubscriptionPosition Position)> ContinueAsync(
        string schema, SubscriptionPosition from, DateTimeOffset? upTo, IProgress<long>? progress, CancellationToken ct)
    {
        var reader = new EventSubscription(dataSource);
        var skipped = await Poison.GuardedFigures.SkippedAsync(dataSource, ct);
        long events = 0;
        var position = from;
        var heldBackSince = (DateTimeOffset?)null;
        while (true)
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            var page = await reader.ReadPageAsync(connection, transaction, position, ReadModelRebuilder.DefaultPageSize, ct);
            if (page.Count == 0)
            {
                // An empty page can mean events held back behind a transaction still running
                // (anywhere in the cluster); wait for those that may belong before the instant.
                var lag = await reader.LagAsync(position, ct);
                if (lag.PendingEvents == 0 || (upTo is not null && lag.OldestPendingRecordedAt > upTo)) return (events, position);
                heldBackSince ??= DateTimeOffset.UtcNow;
                if (DateTimeOffset.UtcNow - heldBackSince > HeldBackWait) return (events, position);
                await Task.Delay(TimeSpan.FromMilliseconds(20), ct);
                continue;
            }
            heldBackSince = null;
            // Commit order is kept; within a stream it is also recorded order, so filtering keeps each stream a prefix.
            var kept = upTo is { } limit ? page.Where(e => e.RecordedAt <= limit).ToList() : page;
            if (kept.Count > 0)
            {
                var context = new ProjectionContext(connection, transaction, schema);
                var decoded = Serialization.EventSerializer.Decode(kept);
                await InlineProjector.ApplyAsync(context, decoded);
                await Poison.GuardedFigures.ApplyAsync(context, decoded, skipped);
            }
            await transaction.CommitAsync(ct);
            events += kept.Count;
            position = page[^1].Position;
            progress?.Report(events);
        }
    }
}
