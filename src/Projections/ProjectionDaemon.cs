using GovReport.EventStore;
using GovReport.Projections.Figures;
using GovReport.Projections.Poison;
using GovReport.Projections.ReadModels;
using GovReport.Projections.Serialization;
using Npgsql;

namespace GovReport.Projections;

/// <summary>
/// Runs the asynchronous projectors on exactly one host: whoever holds the lease catches up and
/// keeps up; the others wait to take over. A lost database connection ends the lease, and the
/// loop starts again by trying to take it.
/// </summary>
public sealed class ProjectionDaemon(NpgsqlDataSource dataSource, EventNotifications notifications)
{
    public const string LeaseName = "projections";

    public bool IsLeader { get; private set; }

    public static CatchUpSubscription FigureSubscription(NpgsqlDataSource dataSource, string schema = ReadModelSchema.Live, int pageSize = 2000) =>
        new(dataSource, FigureProjection.SubscriptionName,
            async (connection, transaction, page, ct) =>
            {
                if (schema == ReadModelSchema.Live) await Rebuild.ReadModelLock.ShareAsync(connection, transaction, ct);
                // The checkpoint never comes back over a skipped event (a rebuild moves it past the
                // log's end), so nothing here needs the list of skips: only new poison is set aside,
                // and recorded in the transaction that moves the checkpoint past it.
                var isolated = await GuardedFigures.ApplyAsync(new ProjectionContext(connection, transaction, schema),
                    EventSerializer.Decode(page), new HashSet<SubscriptionPosition>());
                foreach (var poison in isolated)
                    await ProjectionFailures.RecordAsync(connection, transaction, FigureProjection.SubscriptionName, poison.Recorded, poison.Error, ct);
            },
            pageSize);

    public async Task RunAsync(TimeSpan pollInterval, Action<Exception>? onError, CancellationToken ct)
    {
        notifications.Start();
        var subscription = FigureSubscription(dataSource);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var lease = await LeaderLease.TryAcquireAsync(dataSource, LeaseName, ct);
                if (lease is null)
                {
                    await Task.Delay(TimeSpan.FromSeconds(2), ct);
                    continue;
                }
                IsLeader = true;
                using var lost = CancellationTokenSource.CreateLinkedTokenSource(ct);
                var watch = WatchAsync(lease, lost, ct);
                try
                {
                    await subscription.RunAsync(notifications, pollInterval, lost.Token);
                }
                finally
                {
                    await lost.CancelAsync();
                    await watch;
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                // One bad page (a database outage, an event this version cannot read) must not
                // stop the host: report it, back off, and try again from the checkpoint.
                onError?.Invoke(e);
                await Task.Delay(TimeSpan.FromSeconds(1), ct).ContinueWith(_ => { });
            }
            finally
            {
                IsLeader = false;
            }
        }
    }

    private static async Task WatchAsync(LeaderLease lease, CancellationTokenSource lost, CancellationToken ct)
    {
        while (!lost.IsCancellationRequested)
        {
            try { await Task.Delay(TimeSpan.FromSeconds(5), lost.Token); }
            catch (OperationCanceledException) { return; }
            if (!await lease.IsHeldAsync(ct)) await lost.CancelAsync();
        }
    }
}
