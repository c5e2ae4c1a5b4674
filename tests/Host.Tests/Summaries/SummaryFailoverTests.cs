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
        var successor = ActivatorUtilities.CreateInstance<GovReport.Host.Features.Summaries.SummaryScheduler>(factory.Services);
        var due = (await leader.DueAsync(default)).Count;
        Assert.True(due > 4, $"enough periods to stop part-way ({due})");

        // The leader publishes one summary and then hangs on its second insert (a trigger waits on a
        // lock this test holds) until it is killed: stopped part-way by construction, not by a race.
        await using var owner = new NpgsqlConnection(factory.Database.ConnectionString);
        await owner.OpenAsync();
        await ExecuteAsync(owner, StallSecondSummary);
        await ExecuteAsync(owner, $"SELECT pg_advisory_lock({StallLock})");
        using var kill = new CancellationTokenSource();
        var pass = leader.RunOnceAsync(kill.Token);
        await WaitUntilStalledAsync(owner);
        await kill.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pass.WaitAsync(TimeSpan.FromSeconds(30)));
        await ExecuteAsync(owner, $"SELECT pg_advisory_unlock({StallLock}); DROP TRIGGER stall_second_summary ON es.events");
        var beforeTakeover = await PublishedAsync();
        await successor.RunOnceAsync(default);

        Assert.Equal(1, beforeTakeover);
        Assert.Equal(due, await PublishedAsync());
        Assert.Empty(await successor.DueAsync(default));
        Assert.Equal(0, await DuplicatesAsync());
    }

    private const long StallLock = 4_214_001;

    private static readonly string StallSecondSummary = $$"""
        CREATE FUNCTION stall_second_summary() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF EXISTS (SELECT 1 FROM es.events WHERE event_type = 'summary_published') THEN
            PERFORM pg_advisory_xact_lock({{StallLock}});
          END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER stall_second_summary BEFORE INSERT ON es.events
          FOR EACH ROW WHEN (NEW.event_type = 'summary_published') EXECUTE FUNCTION stall_second_summary();
        """;

    private static async Task WaitUntilStalledAsync(NpgsqlConnection owner)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            await using var waiting = new NpgsqlCommand(
                $"SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = {StallLock} AND NOT granted", owner);
            if ((long)(await waiting.ExecuteScalarAsync())! > 0) return;
            await Task.Delay(10);
        }
        throw new TimeoutException("The leader never reached its second publication.");
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
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
