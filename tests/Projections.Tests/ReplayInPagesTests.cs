using GovReport.Domain;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Reports;
using GovReport.Projections.ReadModels;
using GovReport.Projections.Rebuild;

namespace GovReport.Projections.Tests;

/// <summary>
/// A rebuild remembers what it wrote for its latest months instead of reading it back. Whatever
/// the page size and however little it remembers, it must build exactly what the live daemon did
/// from the same log: here a log with drafts, returns, resubmissions, approvals, late corrections
/// of months long gone from memory, a parent reporting for itself, a unit moving and a unit
/// added mid-year, and an indicator whose aggregation changes.
/// </summary>
public sealed class ReplayInPagesTests : IAsyncLifetime
{
    private readonly ProjectionFixture _fx = new();

    public async Task InitializeAsync()
    {
        await _fx.InitializeAsync();
        await _fx.UnitAsync("tinh-bac-kan", UnitKind.Province);
        await _fx.UnitAsync("bac-kan", UnitKind.City, "tinh-bac-kan");
        await _fx.UnitAsync("xa-nong-thuong", UnitKind.Commune, "bac-kan");
        await _fx.UnitAsync("xa-duong-quang", UnitKind.Commune, "bac-kan");
        await _fx.IndicatorAsync("forest-planted", Aggregation.Sum);
        await _fx.IndicatorAsync("patients-per-day", Aggregation.PerDay);
        await _fx.IndicatorAsync("poverty-rate", Aggregation.Average);
        for (var m = 1; m <= 6; m++)
        {
            var month = $"2022-{m:D2}";
            await _fx.SubmitAsync("xa-nong-thuong", month, ("forest-planted", 10m + m), ("patients-per-day", 100m + m), ("poverty-rate", 5.5m));
            if (m == 2) await ReturnAsync("xa-nong-thuong", month, "thiếu số liệu");
            await _fx.SubmitAsync("xa-duong-quang", month, ("forest-planted", 5m), ("poverty-rate", 7.25m));
            if (m == 1) await _fx.AppendAsync(ReportStream("xa-nong-thuong", month), new ReportApproved(UnitId.Parse("xa-nong-thuong"), Month.Parse(month)));
            if (m == 3)
            {
                await _fx.UnitAsync("xa-moi", UnitKind.Commune, "bac-kan");
                await DraftAsync("xa-moi", month, ("forest-planted", 1m));
                await _fx.SubmitAsync("xa-moi", month, ("forest-planted", 2m));
            }
            if (m == 4)
            {
                await _fx.SubmitAsync("bac-kan", month, ("patients-per-day", 300m));
                await _fx.AppendAsync(StreamIds.Unit(UnitId.Parse("xa-duong-quang")),
                    new UnitMoved(UnitId.Parse("xa-duong-quang"), UnitId.Parse("tinh-bac-kan"), UnitId.Parse("bac-kan")));
            }
            if (m == 5)
                await _fx.AppendAsync(StreamIds.Indicator(IndicatorCode.Parse("poverty-rate")),
                    new IndicatorRevised(IndicatorCode.Parse("poverty-rate"), "poverty-rate", "%", Aggregation.Sum, Direction.LowerIsBetter, null));
            _fx.Clock.Advance(TimeSpan.FromDays(3));
        }
        await _fx.SubmitAsync("xa-nong-thuong", "2022-02", ("forest-planted", 12.5m), ("patients-per-day", 102m));
        await _fx.CorrectAsync("xa-nong-thuong", "2022-01", "forest-planted", 11m, 11.75m);
        await _fx.CorrectAsync("xa-moi", "2022-03", "patients-per-day", null, 40m);
        await ReturnAsync("xa-moi", "2022-03", "sai đơn vị");
        await _fx.ProjectAsync();
    }

    public Task DisposeAsync() => _fx.DisposeAsync();

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 1)]
    [InlineData(4, 2)]
    [InlineData(5000, 3)]
    public async Task A_replay_in_any_pages_remembering_any_months_equals_the_live_models(int pageSize, int heldMonths)
    {
        var schema = $"rm_pages_{pageSize}_{heldMonths}";

        await new ReadModelRebuilder(_fx.DataSource, pageSize, heldMonths).ReplayIntoAsync(schema, null, default);

        Assert.Empty(await ReadModelComparer.CompareAsync(_fx.DataSource, "rm", schema));
    }

    [Fact]
    public async Task A_submitted_state_points_at_its_event_and_a_corrected_one_keeps_its_figures()
    {
        await using var command = _fx.DataSource.CreateCommand("""
            SELECT o.month, o.figures IS NULL, s.figures ->> 'forest-planted'
            FROM rm.official_figures o JOIN rm.official_figure_sets s USING (unit_id, month, seq)
            WHERE o.unit_id = 'xa-nong-thuong' AND o.valid_to IS NULL AND o.month IN ('2022-01', '2022-03')
            ORDER BY o.month
            """);
        var rows = new List<(string, bool, string)>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetBoolean(1), reader.GetString(2)));

        Assert.Equal([("2022-01", false, "11.75"), ("2022-03", true, "13")], rows);
    }

    [Fact]
    public async Task The_migration_to_pointers_keeps_every_official_figure_as_it_was()
    {
        // The official figures as an earlier version stored them: every state with its own copy.
        var steps = ReadModelSchema.MigrationsFor("rm_old", backfill: true);
        foreach (var step in steps.Take(2)) await _fx.ExecuteAsync(step.Sql);
        await _fx.ExecuteAsync("""
            INSERT INTO rm_old.official_figures (unit_id, month, figures, valid_from, valid_to, seq)
            SELECT unit_id, month, figures, valid_from, valid_to, seq FROM rm.official_figure_sets
            """);

        foreach (var step in steps.Skip(2).Take(1)) await _fx.ExecuteAsync(step.Sql);

        Assert.Equal("0", await _fx.ScalarAsync("""
            SELECT count(*) FROM (SELECT * FROM rm.official_figure_sets EXCEPT SELECT * FROM rm_old.official_figure_sets) d
            """));
        Assert.Equal(await _fx.ScalarAsync("SELECT count(*) FROM rm.official_figures WHERE figures IS NULL"),
            await _fx.ScalarAsync("SELECT count(*) FROM rm_old.official_figures WHERE figures IS NULL"));
        Assert.NotEqual("0", await _fx.ScalarAsync("SELECT count(*) FROM rm_old.official_figures WHERE figures IS NOT NULL"));
    }

    private Task ReturnAsync(string unit, string month, string reason) =>
        _fx.AppendAsync(ReportStream(unit, month), new ReportReturned(UnitId.Parse(unit), Month.Parse(month), reason));

    private Task DraftAsync(string unit, string month, params (string Indicator, decimal Value)[] values) =>
        _fx.AppendAsync(ReportStream(unit, month), new DraftSaved(UnitId.Parse(unit), Month.Parse(month),
            values.Select(v => new FigureValue(IndicatorCode.Parse(v.Indicator), v.Value)).ToList(), null));

    private static string ReportStream(string unit, string month) => StreamIds.Report(UnitId.Parse(unit), Month.Parse(month));
}
