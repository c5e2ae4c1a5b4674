using GovReport.Domain;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Reports;
using GovReport.Projections.Rebuild;

namespace GovReport.Projections.Tests;

public sealed class RebuildTests : IAsyncLifetime
{
    private readonly ProjectionFixture _fx = new();

    public async Task InitializeAsync()
    {
        await _fx.InitializeAsync();
        await _fx.UnitAsync("bac-kan", UnitKind.City);
        await _fx.UnitAsync("xa-nong-thuong", UnitKind.Commune, "bac-kan");
        await _fx.UnitAsync("xa-duong-quang", UnitKind.Commune, "bac-kan");
        await _fx.IndicatorAsync("forest-planted", Aggregation.Sum);
        await _fx.IndicatorAsync("patients-per-day", Aggregation.PerDay);
        await _fx.PlanAsync("bac-kan", 2022, ("forest-planted", 155m));
        for (var m = 1; m <= 8; m++)
        {
            await _fx.SubmitAsync("xa-nong-thuong", $"2022-{m:D2}", ("forest-planted", 10m + m), ("patients-per-day", 100m + m));
            await _fx.SubmitAsync("xa-duong-quang", $"2022-{m:D2}", ("forest-planted", 5m));
            _fx.Clock.Advance(TimeSpan.FromDays(1));
        }
        await _fx.SubmitAsync("bac-kan", "2022-08", ("patients-per-day", 300m));
        await _fx.CorrectAsync("xa-nong-thuong", "2022-03", "forest-planted", 13m, 13.5m);
        // A report returned, resubmitted and approved: its live row is folded from the history its
        // commands read, the replay's from rows it loads; both must agree.
        var (returned, april) = (UnitId.Parse("xa-duong-quang"), Month.Parse("2022-04"));
        await _fx.AppendAsync(StreamIds.Report(returned, april), new ReportReturned(returned, april, "thiếu số liệu"));
        await _fx.SubmitAsync("xa-duong-quang", "2022-04", ("forest-planted", 6m));
        await _fx.AppendAsync(StreamIds.Report(returned, april), new ReportApproved(returned, april));
        await _fx.AppendAsync("unit-xa-duong-quang", new UnitMoved(UnitId.Parse("xa-duong-quang"), null, UnitId.Parse("bac-kan")));
        await _fx.ProjectAsync();
    }

    public Task DisposeAsync() => _fx.DisposeAsync();

    [Fact]
    public async Task A_replay_of_the_log_equals_the_live_read_models_row_for_row()
    {
        await new ReadModelRebuilder(_fx.DataSource).ReplayIntoAsync("rm_replay", null, default);

        var differences = await ReadModelComparer.CompareAsync(_fx.DataSource, "rm", "rm_replay");

        Assert.Empty(differences);
    }

    [Fact]
    public async Task A_corrupted_read_model_row_is_reported_exactly()
    {
        await new ReadModelRebuilder(_fx.DataSource).ReplayIntoAsync("rm_replay", null, default);
        await using (var corrupt = _fx.DataSource.CreateCommand("UPDATE rm.reports SET status = 'approved' WHERE unit_id = 'xa-nong-thuong' AND month = '2022-05'"))
            await corrupt.ExecuteNonQueryAsync();

        var difference = Assert.Single(await ReadModelComparer.CompareAsync(_fx.DataSource, "rm", "rm_replay"));

        Assert.Equal(("reports", "xa-nong-thuong/2022-05"), (difference.Table, difference.Key));
    }

    [Fact]
    public async Task Rebuilding_the_live_models_swaps_in_an_equal_copy_and_the_daemon_goes_on_from_there()
    {
        var before = await _fx.RowAsync("bac-kan", "2022-08", PerformanceView.Ytd, "forest-planted");

        var result = await new ReadModelRebuilder(_fx.DataSource).RebuildLiveAsync(null, default);
        await _fx.SubmitAsync("xa-nong-thuong", "2022-09", ("forest-planted", 1m));
        await _fx.ProjectAsync();

        Assert.True(result.Events > 20);
        Assert.Equal(before!.Actual, (await _fx.RowAsync("bac-kan", "2022-08", PerformanceView.Ytd, "forest-planted"))!.Actual);
        Assert.Equal(before.Actual + 1m, (await _fx.RowAsync("bac-kan", "2022-09", PerformanceView.Ytd, "forest-planted"))!.Actual);
        await new ReadModelRebuilder(_fx.DataSource).ReplayIntoAsync("rm_replay", null, default);
        Assert.Empty(await ReadModelComparer.CompareAsync(_fx.DataSource, "rm", "rm_replay"));
    }
}
