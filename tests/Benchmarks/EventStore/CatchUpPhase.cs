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
            var subscription = new CatchUpSubscription(
                db.DataSource, $"bench-catchup-{pageSize}", (_, _, _, _) => Task.CompletedTask, pageSize);
            var started = Stopwatch.GetTimestamp();
            var handled = await subscription.CatchUpAsync();
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            results.Add(new BenchResult($"5. catch-up, page {pageSize:N0}", "events", handled, seconds)
            {
                Note = pageSize == EventStoreOptions.HeadlinePageSize ? "the headline page size" : null,
            });
        }
        return results;
    }
}
