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
        var database = new NpgsqlConnectionStringBuilder(fx.DataSource.ConnectionString).Database;
        await using var counter = new RoundTripCounter(
            new NpgsqlConnectionStringBuilder(TestDatabase.AdminConnectionString) { Database = database }.ConnectionString);
        await using var dataSource = NpgsqlDataSource.Create(counter.ConnectionString);
        var query = new PerformanceQuery(dataSource, new CatalogueReader(dataSource));
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
}
