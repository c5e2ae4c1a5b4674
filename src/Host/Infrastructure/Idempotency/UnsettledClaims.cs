using System.Collections.Concurrent;

namespace GovReport.Host.Infrastructure.Idempotency;

/// <summary>
/// Idempotency claims this host could not settle because the database went away mid-request:
/// the answer to store, or the claim to release, kept until the next request with the same key
/// settles it. Without this a claim would stay pending until it counts as abandoned (minutes),
/// and the client's retry would be told "still running" all that while. Another host seeing the
/// retry still waits for abandonment: only this one knows the request is over.
/// </summary>
public sealed class UnsettledClaims
{
    /// <summary>
    /// Keys whose client never retries stay owed; a long outage under heavy load must not grow
    /// this without end. Past the cap a claim is left to the abandonment rule instead.
    /// </summary>
    private const int MaxOwed = 10_000;

    private readonly ConcurrentDictionary<(IdempotencyScope Scope, string Key), Func<CancellationToken, Task>> _owed = new();

    public void Owe(IdempotencyScope scope, string key, Func<CancellationToken, Task> settle)
    {
        if (_owed.Count < MaxOwed) _owed[(scope, key)] = settle;
    }

    /// <summary>Settles what is owed for this key, if anything; throws (and keeps it owed) while the database is still away.</summary>
    public async Task SettleAsync(IdempotencyScope scope, string key, CancellationToken ct)
    {
        if (!_owed.TryGetValue((scope, key), out var settle)) return;
        await settle(ct);
        _owed.TryRemove(new KeyValuePair<(IdempotencyScope, string), Func<CancellationToken, Task>>((scope, key), settle));
    }
}
