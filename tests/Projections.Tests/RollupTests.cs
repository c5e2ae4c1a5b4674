using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;

namespace GovReport.Projections.Tests;

public sealed class RollupTests : IAsyncLifetime
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
    }

    public Task DisposeAsync() => _fx.DisposeAsync();

    [Fact]
    public async Task A_parent_without_its_own_figure_sums_its_childrens()
    {
        await _fx.SubmitAsync("xa-nong-thuong", "2022-08", ("forest-planted", 10.5m));
        await _fx.SubmitAsync("xa-duong-quang", "2022-08", ("forest-planted", 4.25m));
        await _fx.ProjectAsync();

        var row = await _fx.RowAsync("bac-kan", "2022-08", PerformanceView.Month, "forest-planted");

        Assert.Equal(14.75m, row!.Actual);
        Assert.Equal(1, row.ReportedMonths);
    }

    [Fact]
    public async Task A_parent_that_reports_itself_counts_its_own_figure_and_never_its_childrens_as_well()
    {
        await _fx.SubmitAsync("xa-nong-thuong", "2022-07", ("forest-planted", 10m));
        await _fx.SubmitAsync("xa-nong-thuong", "2022-08", ("forest-planted", 10m));
        await _fx.SubmitAsync("bac-kan", "2022-08", ("forest-planted", 30m));
        await _fx.ProjectAsync();

        var row = await _fx.RowAsync("bac-kan", "2022-08", PerformanceView.Ytd, "forest-planted");

        // July from the commune (the city did not report it), August the city's own.
        Assert.Equal(40m, row!.Actual);
    }

    [Fact]
    public async Task The_ytd_comparison_against_the_annual_plan_gives_the_seeds_forest_figure()
    {
        await _fx.PlanAsync("bac-kan", 2022, ("forest-planted", 155m));
        var monthly = new[] { 0m, 0m, 20m, 30.5m, 40m, 40m, 24.658m, 20m };
        for (var m = 1; m <= 8; m++) await _fx.SubmitAsync("xa-nong-thuong", $"2022-{m:D2}", ("forest-planted", monthly[m - 1]));
        await _fx.SubmitAsync("xa-nong-thuong", "2021-08", ("forest-planted", 1m));
        await _fx.ProjectAsync();

        var row = await _fx.RowAsync("bac-kan", "2022-08", PerformanceView.Ytd, "forest-planted");

        Assert.Equal(175.158m, row!.Actual);
        Assert.Equal(155m, row.Target);
        Assert.Equal(113.01m, row.PercentOfTarget);
        Assert.Equal("achieved", row.Status);
        Assert.Equal((8, 8), (row.ReportedMonths, row.ExpectedMonths));
        Assert.Equal(1m, row.SamePeriodLastYear);
    }

    [Fact]
    public async Task A_per_day_rate_over_a_quarter_is_weighted_by_the_days_of_each_month()
    {
        await _fx.SubmitAsync("bac-kan", "2022-07", ("patients-per-day", 300m));
        await _fx.SubmitAsync("bac-kan", "2022-08", ("patients-per-day", 310m));
        await _fx.SubmitAsync("bac-kan", "2022-09", ("patients-per-day", 290m));
        await _fx.ProjectAsync();

        var row = await _fx.RowAsync("bac-kan", "2022-09", PerformanceView.Quarter, "patients-per-day");

        Assert.Equal(Math.Round((300m * 31 + 310m * 31 + 290m * 30) / 92m, 4), row!.Actual);
    }

    [Fact]
    public async Task A_correction_after_an_instant_changes_the_live_answer_but_not_the_answer_as_of_that_instant()
    {
        await _fx.SubmitAsync("xa-nong-thuong", "2022-08", ("forest-planted", 10m));
        var before = _fx.Clock.GetUtcNow().AddMinutes(1);
        _fx.Clock.Advance(TimeSpan.FromHours(2));
        await _fx.CorrectAsync("xa-nong-thuong", "2022-08", "forest-planted", 10m, 12m);
        await _fx.ProjectAsync();

        var live = await _fx.RowAsync("bac-kan", "2022-08", PerformanceView.Month, "forest-planted");
        var then = await _fx.RowAsync("bac-kan", "2022-08", PerformanceView.Month, "forest-planted", asOf: before);

        Assert.Equal(12m, live!.Actual);
        Assert.Equal(10m, then!.Actual);
    }

    [Fact]
    public async Task A_unit_that_moves_takes_its_figures_to_its_new_parent()
    {
        await _fx.UnitAsync("tp-thai-nguyen", UnitKind.City);
        await _fx.SubmitAsync("xa-duong-quang", "2022-08", ("forest-planted", 7m));
        await _fx.ProjectAsync();
        var beforeTheMove = _fx.Clock.GetUtcNow().AddMinutes(1);
        _fx.Clock.Advance(TimeSpan.FromHours(1));
        await _fx.AppendAsync("unit-xa-duong-quang", new UnitMoved(UnitId.Parse("xa-duong-quang"), UnitId.Parse("tp-thai-nguyen"), UnitId.Parse("bac-kan")));
        await _fx.ProjectAsync();

        Assert.Null(await _fx.RowAsync("bac-kan", "2022-08", PerformanceView.Month, "forest-planted"));
        Assert.Equal(7m, (await _fx.RowAsync("tp-thai-nguyen", "2022-08", PerformanceView.Month, "forest-planted"))!.Actual);
        // As of before the move, the figure rolls up the tree of that day.
        Assert.Equal(7m, (await _fx.RowAsync("bac-kan", "2022-08", PerformanceView.Month, "forest-planted", asOf: beforeTheMove))!.Actual);
        Assert.Null(await _fx.RowAsync("tp-thai-nguyen", "2022-08", PerformanceView.Month, "forest-planted", asOf: beforeTheMove));
    }

    [Fact]
    public async Task A_parent_whose_last_child_moves_away_keeps_no_roll_ups_and_equals_a_replay()
    {
        await _fx.UnitAsync("tp-thai-nguyen", UnitKind.City);
        await _fx.UnitAsync("xa-tan-cuong", UnitKind.Commune, "tp-thai-nguyen");
        await _fx.SubmitAsync("tp-thai-nguyen", "2022-03", ("forest-planted", 3m));
        await _fx.SubmitAsync("xa-tan-cuong", "2022-04", ("forest-planted", 4m));
        await _fx.ProjectAsync();
        await _fx.AppendAsync("unit-xa-tan-cuong", new UnitMoved(UnitId.Parse("xa-tan-cuong"), UnitId.Parse("bac-kan"), UnitId.Parse("tp-thai-nguyen")));
        await _fx.ProjectAsync();

        await new Rebuild.ReadModelRebuilder(_fx.DataSource).ReplayIntoAsync("rm_replay", null, default);

        Assert.Empty(await Rebuild.ReadModelComparer.CompareAsync(_fx.DataSource, "rm", "rm_replay"));
        Assert.Equal(3m, (await _fx.RowAsync("tp-thai-nguyen", "2022-04", PerformanceView.Ytd, "forest-planted"))!.Actual);
    }
}
