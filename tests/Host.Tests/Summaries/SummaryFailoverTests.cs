using GovReport.Domain.Periods;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GovReport.Host.Tests.Summaries;

public class SummaryFailoverTests(SummariesFactory factory) : IClassFixture<SummariesFactory>
{
    [Fact]
    public async Task Given_a_leader_killed_mid_pass_when_another_host_takes_over_then_every_summary_is_published_once()
    {
        await factory.SeedAugustAsync();
        factory.Clock.Set(SummariesFactory.AfterDeadline(new Month(2023, 2)));
        var leader = factory.Scheduler;
        var successor = ActivatorUtilities.CreateInstance<GovReport.Host.Summaries.SummaryScheduler>(factory.Services);
        var due = (await leader.DueAsync(default)).Count;
        Assert.True(due > 4, $"enough periods to stop part-way ({due})");

        using var kill = new CancellationTokenSource();
        var pass = leader.RunOnceAsync(kill.Token);
        while (await PublishedAsync() == 0 && !pass.IsCompleted) await Task.Delay(5);
        await kill.CancelAsync();
        try { await pass; } catch (OperationCanceledException) { }
        var beforeTakeover = await PublishedAsync();
        await successor.RunOnceAsync(default);

        // Killed part-way: each publication waits on the database, the watcher polls every 5 ms.
        Assert.InRange(beforeTakeover, 1, due - 1);
        Assert.Equal(due, await PublishedAsync());
        Assert.Empty(await successor.DueAsync(default));
        Assert.Equal(0, await DuplicatesAsync());
    }

    private async Task<long> PublishedAsync() => await ScalarAsync(
        "SELECT count(*) FROM es.events WHERE event_type = 'summary_published' AND NOT (data->>'onDemand')::boolean");

    private async Task<long> DuplicatesAsync() => await ScalarAsync("""
        SELECT count(*) FROM (SELECT 1 FROM es.events WHERE event_type = 'summary_published' AND NOT (data->>'onDemand')::boolean
                              GROUP BY data->>'scope', data->>'period' HAVING count(*) > 1) d
        """);

    private async Task<long> ScalarAsync(string sql)
    {
        await using var command = factory.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
