using GovReport.Domain.Reports;
using GovReport.EventStore;
using GovReport.Host.Infrastructure.Messaging;
using GovReport.Host.Infrastructure.Writes;
using Microsoft.Extensions.Options;
using Npgsql;
using Wolverine;

namespace GovReport.Host.Features.Dhis2.Push;

/// <summary>
/// Turns approvals in the event log into durable push messages. It reads the log as every
/// subscriber does, by the (xid8, seq) checkpoint, and enlists Wolverine's outbox in the very
/// transaction that advances the checkpoint: the messages and the new checkpoint commit together
/// or not at all. An approval acknowledged to its approver is in the log, so it is pushed even if
/// the host dies the instant after: the next host reads it from the same checkpoint.
/// </summary>
/// <remarks>
/// Two hosts may run it; the checkpoint's compare-and-set lets one page win and rolls the other
/// back, its messages with it. The first start with push configured reads from the log's start:
/// every report approved until then goes out once, as the initial synchronisation.
/// </remarks>
public sealed class ApprovalRelay(
    NpgsqlDataSource dataSource, EventSubscription reader, EventNotifications notifications, IServiceProvider services,
    MessagingMode messaging, IOptions<Dhis2Options> dhis2, ILogger<ApprovalRelay> log) : BackgroundService
{
    public const string Checkpoint = "dhis2-push-relay";
    private const int PageSize = 500;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    public bool Runs => messaging.Durable && dhis2.Value.Push.Configured;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Runs) return;
        notifications.Start();
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var notified = notifications.NextNotification;
                while (await RelayPageAsync(stoppingToken) != 0) { }
                delay = TimeSpan.FromSeconds(1);
                await EventNotifications.WaitAsync(notified, PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Nothing is lost: the checkpoint did not move. Try again, backing off while the database is away.
                log.LogWarning(e, "DHIS2 push relay failed; retrying in {Delay}", delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }

    /// <returns>Events read (0 when caught up), or -1 when another host moved the checkpoint first.</returns>
    public async Task<int> RelayPageAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IMessageContext>();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var from = await reader.LoadCheckpointAsync(connection, transaction, Checkpoint, ct);
        var page = await reader.ReadPageAsync(connection, transaction, from, PageSize, ct);
        if (page.Count == 0) return 0;

        await Outbox.EnlistAsync(outbox, transaction);
        var published = 0;
        foreach (var recorded in page)
        {
            if (recorded.Type is not ("report_approved" or "figures_corrected")) continue;
            foreach (var e in EventUpcasts.Decode<ReportEvent>([recorded]))
            {
                var (unit, month) = e switch
                {
                    ReportApproved a => (a.Unit.Value, a.Month.ToString()),
                    FiguresCorrected c => (c.Unit.Value, c.Month.ToString()),
                    _ => (null, null),
                };
                if (unit is null) continue;
                await outbox.PublishAsync(new PushApprovedFigures(recorded.StreamId, recorded.Version, unit, month!, recorded.EventId));
                published++;
            }
        }
        if (!await reader.TryAdvanceCheckpointAsync(connection, transaction, Checkpoint, from, page[^1].Position, ct))
        {
            await transaction.RollbackAsync(ct);
            return -1;
        }
        await transaction.CommitAsync(ct);
        // After the commit, hand the stored messages to the queue now; were the host to die first,
        // Wolverine's recovery finds them in its tables and sends them then.
        await Outbox.FlushAsync(outbox);
        if (published > 0) log.LogInformation("Relayed {Count} approvals for DHIS2 push", published);
        return page.Count;
    }
}
