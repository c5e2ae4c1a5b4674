using GovReport.Domain;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Projections.Queries;
using GovReport.Projections.Queries.Performance;
using GovReport.Projections.Rebuild;

namespace GovReport.Projections.Tests;

/// <summary>
/// A comparison keeps the catalogue it last read and is sent the definitions again only when
/// they changed: every change must still show in the very next answer, through the same query,
/// whether an event revised the catalogue or a rebuild swapped in new tables.
/// </summary>
public sealed class CatalogueKeptTests : IAsyncLifetime
{
    private readonly ProjectionFixture _fx = new();

    public async Task InitializeAsync()
    {
        await _fx.InitializeAsync();
        await _fx.UnitAsync("bac-kan", UnitKind.City);
        await _fx.UnitAsync("xa-nong-thuong", UnitKind.Commune, "bac-kan");
        await _fx.IndicatorAsync("forest-planted", Aggregation.Sum);
        await _fx.SubmitAsync("xa-nong-thuong", "2022-07", ("forest-planted", 10m), ("patients-per-day", 40m));
        await _fx.SubmitAsync("xa-nong-thuong", "2022-08", ("forest-planted", 12.5m), ("patients-per-day", 60m));
        await _fx.ProjectAsync();
    }

    public Task DisposeAsync() => _fx.DisposeAsync();

    [Fact]
    public async Task A_revised_indicator_answers_by_its_new_definition_at_once()
    {
        var before = Assert.Single(await YtdAsync());
        Assert.Equal((22.5m, "forest-planted", "sum"), (before.Actual!.Value, before.Name, before.Aggregation));

        await ReviseAsync("forest-planted", "Diện tích rừng trồng", Aggregation.Average);

        var after = Assert.Single(await YtdAsync());
        Assert.Equal((11.25m, "Diện tích rừng trồng", "average"), (after.Actual!.Value, after.Name, after.Aggregation));
        Assert.Equal("Diện tích rừng trồng", Assert.Single(await new CatalogueReader(_fx.DataSource).IndicatorsAsync()).Name);
    }

    [Fact]
    public async Task An_indicator_defined_after_an_answer_has_its_row_in_the_next()
    {
        Assert.Equal(new[] { "forest-planted" }, (await YtdAsync()).Select(r => r.Indicator));

        await _fx.IndicatorAsync("patients-per-day", Aggregation.PerDay);

        Assert.Equal(new[] { "forest-planted", "patients-per-day" }, (await YtdAsync()).Select(r => r.Indicator));
    }

    [Fact]
    public async Task After_a_rebuild_swaps_the_tables_the_answers_hold_and_a_revision_still_shows()
    {
        var before = await YtdAsync();

        await new ReadModelRebuilder(_fx.DataSource).RebuildLiveAsync(null, default);
        var rebuilt = await YtdAsync();
        await ReviseAsync("forest-planted", "Rừng trồng mới", Aggregation.Last);
        var revised = Assert.Single(await YtdAsync());

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(before), System.Text.Json.JsonSerializer.Serialize(rebuilt));
        Assert.Equal((12.5m, "Rừng trồng mới", "last"), (revised.Actual!.Value, revised.Name, revised.Aggregation));
    }

    [Fact]
    public async Task The_kept_catalogue_answers_as_one_read_afresh_does()
    {
        await _fx.IndicatorAsync("patients-per-day", Aggregation.PerDay);
        var reader = new CatalogueReader(_fx.DataSource);
        var first = await reader.IndicatorsAsync();

        var kept = await reader.IndicatorsAsync();
        var afresh = await new CatalogueReader(_fx.DataSource).IndicatorsAsync();

        Assert.Same(first, kept);
        Assert.Equal(afresh, kept);
        Assert.Equal(new[] { "forest-planted", "patients-per-day" }, kept.Select(i => i.Code.Value));
    }

    private async Task<IReadOnlyList<PerformanceRow>> YtdAsync() =>
        (await _fx.Performance.RunAsync(UnitId.Parse("xa-nong-thuong"), Month.Parse("2022-08"), PerformanceView.Ytd, null, null)).Rows;

    private Task ReviseAsync(string code, string name, Aggregation aggregation) =>
        _fx.AppendAsync(StreamIds.Indicator(IndicatorCode.Parse(code)),
            new IndicatorRevised(IndicatorCode.Parse(code), name, "ha", aggregation, Direction.HigherIsBetter, null));
}
