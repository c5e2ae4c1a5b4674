using GovReport.Domain;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Projections.Queries.Performance;

namespace GovReport.Projections.Tests;

/// <summary>
/// A block adds up its members across the tree: two finance offices and a planning office of
/// the city in "kinh-te", one of them with a sub-office that is also in the block.
/// </summary>
public sealed class BlockRollupTests : IAsyncLifetime
{
    private const string Block = "kinh-te";
    private readonly ProjectionFixture _fx = new();

    public async Task InitializeAsync()
    {
        await _fx.InitializeAsync();
        await _fx.UnitAsync("bac-kan", UnitKind.City);
        await UnitAsync("phong-tai-chinh", UnitKind.Department, "bac-kan", Block);
        await UnitAsync("phong-kinh-te", UnitKind.Department, "bac-kan", Block);
        await UnitAsync("to-thu-ngan-sach", UnitKind.Centre, "phong-tai-chinh", Block);
        await UnitAsync("phong-van-hoa", UnitKind.Department, "bac-kan", "van-hoa-xa-hoi");
        await _fx.IndicatorAsync("budget-revenue", Aggregation.Sum);
        await _fx.IndicatorAsync("patients-per-day", Aggregation.PerDay);
        await _fx.IndicatorAsync("poverty-rate", Aggregation.Average);
        await _fx.PlanAsync("phong-tai-chinh", 2022, ("budget-revenue", 1000m));
    }

    public Task DisposeAsync() => _fx.DisposeAsync();

    private Task UnitAsync(string id, UnitKind kind, string parent, string block) =>
        _fx.AppendAsync(StreamIds.Unit(UnitId.Parse(id)), new UnitRegistered(UnitId.Parse(id), id, kind, UnitId.Parse(parent), block));

    private async Task<PerformanceRow?> RowAsync(string month, PerformanceView view, string indicator, DateTimeOffset? asOf = null) =>
        (await _fx.Performance.RunForBlockAsync(Block, Month.Parse(month), view, asOf, IndicatorCode.Parse(indicator))).Rows.SingleOrDefault();

    [Fact]
    public async Task The_blocks_ytd_is_the_sum_of_its_departments_and_has_no_target()
    {
        await _fx.SubmitAsync("phong-tai-chinh", "2022-07", ("budget-revenue", 100m));
        await _fx.SubmitAsync("phong-tai-chinh", "2022-08", ("budget-revenue", 50m));
        await _fx.SubmitAsync("phong-kinh-te", "2022-08", ("budget-revenue", 25.5m));
        await _fx.SubmitAsync("phong-van-hoa", "2022-08", ("budget-revenue", 999m));
        await _fx.ProjectAsync();

        var row = await RowAsync("2022-08", PerformanceView.Ytd, "budget-revenue");

        Assert.Equal(175.5m, row!.Actual);
        Assert.Null(row.Target);
        Assert.Null(row.Plan);
        Assert.Equal("no-target", row.Status);
    }

    [Fact]
    public async Task A_member_under_another_member_is_counted_once_inside_its_ancestor()
    {
        await _fx.SubmitAsync("to-thu-ngan-sach", "2022-08", ("budget-revenue", 40m));
        await _fx.SubmitAsync("phong-kinh-te", "2022-08", ("budget-revenue", 10m));
        await _fx.ProjectAsync();

        Assert.Equal(50m, (await RowAsync("2022-08", PerformanceView.Month, "budget-revenue"))!.Actual);

        // The parent reports its own figure: it replaces, never adds to, its sub-office's.
        await _fx.SubmitAsync("phong-tai-chinh", "2022-08", ("budget-revenue", 45m));
        await _fx.ProjectAsync();
        Assert.Equal(55m, (await RowAsync("2022-08", PerformanceView.Month, "budget-revenue"))!.Actual);
    }

    [Fact]
    public async Task A_per_day_indicator_sums_across_the_block_and_an_average_is_averaged()
    {
        await _fx.SubmitAsync("phong-tai-chinh", "2022-08", ("patients-per-day", 120m), ("poverty-rate", 4m));
        await _fx.SubmitAsync("phong-kinh-te", "2022-08", ("patients-per-day", 30m), ("poverty-rate", 6m));
        await _fx.ProjectAsync();

        Assert.Equal(150m, (await RowAsync("2022-08", PerformanceView.Month, "patients-per-day"))!.Actual);
        Assert.Equal(5m, (await RowAsync("2022-08", PerformanceView.Month, "poverty-rate"))!.Actual);
    }

    [Fact]
    public async Task As_of_an_instant_the_block_adds_up_the_figures_valid_then()
    {
        await _fx.SubmitAsync("phong-tai-chinh", "2022-08", ("budget-revenue", 50m));
        await _fx.SubmitAsync("phong-kinh-te", "2022-08", ("budget-revenue", 25m));
        await _fx.ProjectAsync();
        var before = _fx.Clock.GetUtcNow();
        _fx.Clock.Advance(TimeSpan.FromHours(1));
        await _fx.CorrectAsync("phong-kinh-te", "2022-08", "budget-revenue", 25m, 35m);
        await _fx.ProjectAsync();

        Assert.Equal(75m, (await RowAsync("2022-08", PerformanceView.Month, "budget-revenue", before))!.Actual);
        Assert.Equal(85m, (await RowAsync("2022-08", PerformanceView.Month, "budget-revenue"))!.Actual);
    }

    [Fact]
    public async Task As_of_an_instant_the_block_has_the_members_it_had_then()
    {
        await _fx.SubmitAsync("phong-tai-chinh", "2022-08", ("budget-revenue", 50m));
        await _fx.SubmitAsync("phong-van-hoa", "2022-08", ("budget-revenue", 7m));
        await _fx.ProjectAsync();
        var before = _fx.Clock.GetUtcNow();
        _fx.Clock.Advance(TimeSpan.FromHours(1));
        await _fx.AppendAsync(StreamIds.Unit(UnitId.Parse("phong-van-hoa")),
            new UnitReclassified(UnitId.Parse("phong-van-hoa"), UnitKind.Department, Block));
        await _fx.ProjectAsync();

        Assert.Equal(57m, (await RowAsync("2022-08", PerformanceView.Month, "budget-revenue"))!.Actual);
        Assert.Equal(50m, (await RowAsync("2022-08", PerformanceView.Month, "budget-revenue", before))!.Actual);
    }

    [Fact]
    public async Task An_unknown_block_has_no_members_and_no_rows()
    {
        var report = await _fx.Performance.RunForBlockAsync("no-such-block", Month.Parse("2022-08"), PerformanceView.Month, null, null);

        Assert.Equal("no-such-block", report.Unit);
        Assert.Empty(report.Rows);
    }
}
