using GovReport.Domain;
using GovReport.Domain.Periods;
using GovReport.Domain.Summaries;
using GovReport.EventStore;
using GovReport.Projections.ReadModels;
using GovReport.Projections.Rebuild;
using GovReport.Projections.Serialization;

namespace GovReport.Projections.Tests;

/// <summary>Published summaries are listed from a read model, kept inline and rebuilt like the others.</summary>
public sealed class SummaryReadModelTests : IAsyncLifetime
{
    private readonly ProjectionFixture _fx = new();

    public Task InitializeAsync() => _fx.InitializeAsync();

    public Task DisposeAsync() => _fx.DisposeAsync();

    private static SummaryPublished Summary(string id, string scope, string month, bool onDemand = false) =>
        new(id, scope, scope, Month.Parse(month), month, new DateTimeOffset(2022, 9, 6, 1, 0, 0, TimeSpan.Zero), onDemand,
            [], new SummaryReportingStatus(0, 0, 0, 0, 0, []), [], [], []);

    [Fact]
    public async Task A_published_summary_has_its_row_at_once_and_a_replay_makes_the_same()
    {
        await _fx.AppendAsync("summary-bac-kan-2022-08", Summary("summary-bac-kan-2022-08", "bac-kan", "2022-08"));

        Assert.Equal("bac-kan 2022-08 false", await _fx.ScalarAsync("SELECT scope || ' ' || period || ' ' || on_demand FROM rm.summaries"));
        await _fx.ProjectAsync(); // a replay reads only below the subscription barrier: let it pass the append
        await new ReadModelRebuilder(_fx.DataSource).ReplayIntoAsync("rm_replay", null, default);
        Assert.Empty(await ReadModelComparer.CompareAsync(_fx.DataSource, "rm", "rm_replay"));
    }

    [Fact]
    public async Task Upgrading_the_live_models_carries_over_summaries_published_before_and_a_twin_starts_empty()
    {
        // Published by a version that kept no summary rows: only the log has it.
        await _fx.Store.AppendAsync("summary-bac-kan-2022-07", ExpectedVersion.NoStream,
            [EventSerializer.ToNew(Summary("summary-bac-kan-2022-07", "bac-kan", "2022-07"), new EventMetadata("scheduler", "test"))]);
        await _fx.ExecuteAsync("TRUNCATE rm.summaries");
        foreach (var step in ReadModelSchema.MigrationsFor("rm_upgraded", backfill: true)) await _fx.ExecuteAsync(step.Sql);
        await using (var connection = await _fx.DataSource.OpenConnectionAsync())
            await ReadModelSchema.CreateScratchAsync(connection, "rm_twin");

        Assert.Equal("summary-bac-kan-2022-07", await _fx.ScalarAsync("SELECT summary_id FROM rm_upgraded.summaries"));
        Assert.Equal("0", await _fx.ScalarAsync("SELECT count(*) FROM rm_twin.summaries"));
    }
}
