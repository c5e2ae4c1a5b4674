using System.Diagnostics;
using GovReport.Benchmarks.Reporting;
using GovReport.EventStore;

namespace GovReport.Benchmarks.EventStore;

/// <summary>
/// A brand-new subscriber reading the whole log with a handler that does nothing: what is left
/// is the store's own cost of paging, the barrier, mapping and the per-page checkpoint commit.
/// </summary>
public static class CatchUpPhase
{
    // Each page currently costs a sort of everything after the checkpoint (see WhereTimeGoes):
    // without a budget a full run would take hours at small page sizes.
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(BenchDatabase db)
    {
        var reader = new EventSubscription(db.DataSource);
        var position = SubscriptionPosition.Start;
        for (var i = 0; i < 3; i++)
        {
            var page = await reader.ReadPageAsync(position, EventStoreOptions.HeadlinePageSize);
            if (page.Count == 0) break;
            position = page[^1].Position;
        }

        var results = new List<BenchResult>();
        foreach (var pageSize in EventStoreOptions.PageSizes)
        {
            long handled = 0;
            var subscription = new CatchUpSubscription(db.DataSource, $"bench-catchup-{pageSize}",
                (_, _, page, _) => { handled += page.Count; return Task.CompletedTask; }, pageSize);
            using var budget = new CancellationTokenSource(Budget);
            var started = Stopwatch.GetTimestamp();
            var finished = true;
            try { await subscription.CatchUpAsync(budget.Token); }
            catch (OperationCanceledException) { finished = false; }
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            results.Add(new BenchResult($"5. catch-up, page {pageSize:N0}", "events", handled, seconds)
            {
                Note = (pageSize == EventStoreOptions.HeadlinePageSize ? "the headline page size; " : "") +
                    (finished ? "read the whole log" : $"STOPPED after the {Budget.TotalSeconds:F0} s budget, at the start of the log where pages are dearest"),
            });
        }
        return results;
    }
}
