using GovReport.EventStore.Schema;
using Npgsql;

namespace GovReport.EventStore;

/// <summary>
/// Listens on the append channel over one dedicated connection and wakes every waiting
/// subscriber. A lost connection is re-opened with back-off; waiters always have a poll timeout
/// too, so a missed notification delays them, never strands them.
/// </summary>
public sealed class EventNotifications(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource _next = NewSignal();
    private Task? _loop;

    public bool Listening { get; private set; }

    public void Start() => _loop ??= Task.Run(() => ListenLoopAsync(_stop.Token));

    /// <summary>
    /// Completes at the first notification after this call. Take it before reading the log and
    /// wait on it after: a notification that arrives while reading then still counts.
    /// </summary>
    public Task NextNotification => Volatile.Read(ref _next).Task;

    /// <summary>Completes when the notification task does or after the timeout, whichever is first.</summary>
    public static async Task WaitAsync(Task notification, TimeSpan timeout, CancellationToken ct)
    {
        await Task.WhenAny(notification, Task.Delay(timeout, ct));
        ct.ThrowIfCancellationRequested();
    }

    private void Pulse() => Interlocked.Exchange(ref _next, NewSignal()).TrySetResult();

    private async Task ListenLoopAsync(CancellationToken ct)
    {
        var backoff = TimeSpan.FromMilliseconds(200);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(ct);
                connection.Notification += (_, _) => Pulse();
                await using (var listen = new NpgsqlCommand($"LISTEN {EventStoreSchema.NotificationChannel}", connection))
                    await listen.ExecuteNonQueryAsync(ct);
                Listening = true;
                backoff = TimeSpan.FromMilliseconds(200);
                Pulse(); // anything appended while we were not listening
                while (!ct.IsCancellationRequested) await connection.WaitAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception)
            {
                Listening = false;
                try { await Task.Delay(backoff, ct); } catch (OperationCanceledException) { break; }
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
        Listening = false;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null) await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }
}
