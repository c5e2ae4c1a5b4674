using GovReport.Domain.Periods;
using GovReport.Host.Features.Summaries;
using GovReport.Projections.Queries;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Summaries;

public class SummaryConcurrencyTests(SummariesFactory factory) : IClassFixture<SummariesFactory>
{
    [Fact]
    public async Task Given_two_schedulers_on_one_database_when_ten_periods_close_then_each_scope_and_period_has_exactly_one_summary()
    {
        await factory.SeedAugustAsync();
        var first = factory.Scheduler;
        var second = ActivatorUtilities.CreateInstance<SummaryScheduler>(factory.Services);
        Assert.NotSame(first, second);

        var published = new List<string>();
        for (var month = new Month(2022, 8); month <= new Month(2023, 5); month = month.Next())
        {
            factory.Clock.Set(SummariesFactory.AfterDeadline(month));
            var passes = await Task.WhenAll(first.RunOnceAsync(default), second.RunOnceAsync(default), first.RunOnceAsync(default));
            published.AddRange(passes.SelectMany(p => p));
        }

        var counts = await SummaryCountsAsync();
        Assert.Equal(20, counts.Count(c => string.CompareOrdinal(c.Period, "2023-05") <= 0));
        Assert.All(counts, c => Assert.Equal(1, c.Count));
        Assert.Equal(published.Count, published.Distinct().Count());
        Assert.Equal(20, published.Count(id => string.CompareOrdinal(id[^7..], "2023-05") <= 0));
    }

    [Fact]
    public async Task Given_two_publishers_past_the_lease_when_both_publish_one_period_then_the_new_stream_lets_only_one_win()
    {
        var scope = (await factory.Services.GetRequiredService<CatalogueReader>().UnitAsync(OtherCity))!;
        var publishers = Enumerable.Range(0, 4).Select(_ => ActivatorUtilities.CreateInstance<SummaryPublisher>(factory.Services)).ToList();
        var results = await Task.WhenAll(publishers.Select(p => p.PublishAutomaticAsync(scope, new Month(2024, 1), default)));
        Assert.Single(results, r => r is not null);
        Assert.Single(await SummaryCountsAsync(), c => c.Scope == OtherCity && c.Period == "2024-01" && c.Count == 1);
    }

    private async Task<List<(string Scope, string Period, long Count)>> SummaryCountsAsync()
    {
        await using var command = factory.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("""
            SELECT data->>'scope', data->>'period', count(*) FROM es.events
            WHERE event_type = 'summary_published' AND NOT (data->>'onDemand')::boolean
            GROUP BY 1, 2
            """);
        var counts = new List<(string, string, long)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) counts.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        return counts;
    }
}
