using Npgsql;

namespace GovReport.EventStore;

/// <summary>Handles one page of events inside the transaction that will also move the checkpoint.</summary>
public delegate Task EventPageHandler(
    NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<RecordedEvent> page, CancellationToken ct);

/// <summary>
/// A named subscriber that keeps up with the log: read a page after its checkpoint, let the
/// handler write, advance the checkpoint, commit — one transaction per page, so a crash
/// redoes at most the page it was on and never half of it.
/// </summary>
public sealed class CatchUpSubscription(
    NpgsqlDataSource dataSource, string name, EventPageHandler handler, int pageSize = 2000)
{
    private readonly EventSubscription _reader = new(dataSource);

    public string Name { get; } = name;

    /// <summary>Processes pages until nothing readable is left. Returns the number of events handled.</summary>
    public async Task<long> CatchUpAsync(CancellationToken ct = default)
    {
        long handled = 0;
        while (true)
        {
            var count = await ProcessPageAsync(ct);
            if (count < 0) continue; // another worker moved the checkpoint: read again from there
            handled += count;
            if (count < pageSize) return handled;
        }
    }

    /// <summary>Runs until cancelled, waking on notifications and at least every poll interval.</summary>
    public async Task RunAsync(EventNotifications notifications, TimeSpan pollInterval, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            // Taken before reading, so an append that commits while we read still wakes us.
            var notified = notifications.NextNotification;
            await CatchUpAsync(ct);
            var lag = await _reader.LagAsync(await _reader.LoadCheckpointAsync(Name, ct), ct);
            if (lag.PendingEvents > lag.HeldBack) continue; // committed since the last page: read on
            // Events behind a running transaction appear as soon as it ends, which may not notify.
            var wait = lag.HeldBack > 0 ? TimeSpan.FromMilliseconds(20) : pollInterval;
            await EventNotifications.WaitAsync(notified, wait, ct);
        }
    }

    /// <returns>Events handled, or -1 when the checkpoint moved under this worker.</returns>
    private async Task<int> ProcessPageAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var from = await _reader.LoadCheckpointAsync(connection, transaction, Name, ct);
        var page = await _reader.ReadPageAsync(connection, transaction, from, pageSize, ct);
        if (page.Count == 0) return 0;
        await handler(connection, transaction, page, ct);
        if (!await _reader.TryAdvanceCheckpointAsync(connection, transaction, Name, from, page[^1].Position, ct))
        {
            await transaction.RollbackAsync(ct);
            return -1;
        }
        await transaction.CommitAsync(ct);
        return page.Count;
    }
}
