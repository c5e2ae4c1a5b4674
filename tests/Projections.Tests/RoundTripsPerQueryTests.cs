using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Projections.Queries;
using GovReport.Projections.Queries.Performance;
using GovReport.Testing;
using Npgsql;

namespace GovReport.Projections.Tests;

/// <summary>A live comparison asks for its catalogue, figures and plan together: one wait, not three.</summary>
public sealed class RoundTripsPerQueryTests(ProjectionFixture fx) : IClassFixture<ProjectionFixture>
{
    [Fact]
    public async Task A_live_ytd_answer_takes_one_round_trip_and_answers_as_before()
    {
        await fx.UnitAsync("bac-kan", UnitKind.City);
        await fx.UnitAsync("xa-nong-thuong", UnitKind.Commune, "bac-kan");
        await fx.IndicatorAsync("forest-planted", Aggregation.Sum);
        await fx.PlanAsync("xa-nong-thuong", 2022, ("forest-planted", 155m));
        await fx.SubmitAsync("xa-nong-thuong", "2022-07", ("forest-planted", 10m));
        await fx.SubmitAsync("xa-nong-thuong", "2022-08", ("forest-planted", 12.5m));
        await fx.ProjectAsync();
        await using var counted = CountedQuery.Over(fx);
        var (counter, query) = (counted.Counter, counted.Query);
        await query.RunAsync(UnitId.Parse("bac-kan"), Month.Parse("2022-08"), PerformanceView.Ytd, null, null);

        counter.Reset();
        var report = await query.RunAsync(UnitId.Parse("xa-nong-thuong"), Month.Parse("2022-08"), PerformanceView.Ytd, null, null);

        Assert.Equal(1, counter.RoundTrips);
        var row = Assert.Single(report.Rows);
        var before = await fx.Performance.RunAsync(UnitId.Parse("xa-nong-thuong"), Month.Parse("2022-08"), PerformanceView.Ytd,
            DateTimeOffset.UtcNow.AddYears(1), null);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(before.Rows), System.Text.Json.JsonSerializer.Serialize(report.Rows));
        Assert.Equal(22.5m, row.Actual);
    }

    [Fact]
    public async Task A_merged_communes_successor_answers_in_two_round_trips_with_its_predecessors_figures_and_plans()
    {
        await fx.UnitAsync("tp-hop", UnitKind.City);
        foreach (var unit in new[] { "xa-hop-1", "xa-hop-2", "phuong-hop" }) await fx.UnitAsync(unit, UnitKind.Commune, "tp-hop");
        await fx.IndicatorAsync("forest-planted", Aggregation.Sum);
        await fx.PlanAsync("xa-hop-1", 2025, ("forest-planted", 100m));
        await fx.PlanAsync("xa-hop-2", 2025, ("forest-planted", 50m));
        await fx.SubmitAsync("xa-hop-1", "2025-03", ("forest-planted", 7m));
        await fx.SubmitAsync("xa-hop-2", "2025-04", ("forest-planted", 3m));
        await fx.AppendAsync(GovReport.Domain.StreamIds.Restructurings, new GovReport.Domain.Restructurings.UnitsMerged(
            "rs-hop", Month.Parse("2025-07"), "NQ 1683", null, [UnitId.Parse("xa-hop-1"), UnitId.Parse("xa-hop-2")], UnitId.Parse("phuong-hop")));
        await fx.SubmitAsync("phuong-hop", "2025-07", ("forest-planted", 20m));
        await fx.ProjectAsync();
        await using var counted = CountedQuery.Over(fx);
        var (counter, query) = (counted.Counter, counted.Query);
        await query.RunAsync(UnitId.Parse("phuong-hop"), Month.Parse("2025-07"), PerformanceView.Ytd, null, null);

        counter.Reset();
        var report = await query.RunAsync(UnitId.Parse("phuong-hop"), Month.Parse("2025-07"), PerformanceView.Ytd, null, null);

        Assert.Equal(2, counter.RoundTrips);
        var row = Assert.Single(report.Rows);
        Assert.Equal((30m, 150m, true), (row.Actual, row.Target, row.Plan!.Derived));
    }

    /// <summary>A query of its own, its connections counted in round trips through a relay to the fixture's database.</summary>
    private sealed class CountedQuery : IAsyncDisposable
    {
        private readonly NpgsqlDataSource _dataSource;

        private CountedQuery(RoundTripCounter counter)
        {
            Counter = counter;
            _dataSource = NpgsqlDataSource.Create(counter.ConnectionString);
            Query = new PerformanceQuery(_dataSource, new CatalogueReader(_dataSource));
        }

        public RoundTripCounter Counter { get; }
        public PerformanceQuery Query { get; }

        public static CountedQuery Over(ProjectionFixture fx)
        {
            var database = new NpgsqlConnectionStringBuilder(fx.DataSource.ConnectionString).Database;
            return new CountedQuery(new RoundTripCounter(
                new NpgsqlConnectionStringBuilder(TestDatabase.AdminConnectionString) { Database = database }.ConnectionString));
        }

        public async ValueTask DisposeAsync()
        {
            await _dataSource.DisposeAsync();
            await Counter.DisposeAsync();
        }
    }
}
