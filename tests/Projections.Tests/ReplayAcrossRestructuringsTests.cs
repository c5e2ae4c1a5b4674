using GovReport.Domain;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Restructurings;
using GovReport.Projections.Rebuild;

namespace GovReport.Projections.Tests;

/// <summary>
/// A restructuring revisits only the months it can change: those from its effective month on,
/// and for a parent given a new unit, the months it has figures of its own. Whatever arrives in
/// which page, the roll-ups must be those of a replay that folds the whole log in one page (where
/// every report is rolled up afresh up the tree of its month). Here restructurings recorded after
/// the months they reshape were filed: a transfer, a merge, a dissolution, a revert, a unit that
/// reports for itself given a child, and figures filed and corrected after all of them.
/// </summary>
public sealed class ReplayAcrossRestructuringsTests : IAsyncLifetime
{
    private readonly ProjectionFixture _fx = new();

    public async Task InitializeAsync()
    {
        await _fx.InitializeAsync();
        await _fx.UnitAsync("tinh-a", UnitKind.Province);
        await _fx.UnitAsync("tinh-b", UnitKind.Province);
        await _fx.UnitAsync("huyen-a", UnitKind.District, "tinh-a");
        await _fx.UnitAsync("huyen-b", UnitKind.District, "tinh-b");
        await _fx.UnitAsync("xa-1", UnitKind.Commune, "huyen-a");
        await _fx.UnitAsync("xa-2", UnitKind.Commune, "huyen-a");
        await _fx.UnitAsync("xa-3", UnitKind.Commune, "huyen-b");
        await _fx.UnitAsync("xa-4", UnitKind.Commune, "huyen-b");
        await _fx.UnitAsync("so-y-te", UnitKind.Department, "tinh-a");
        await _fx.IndicatorAsync("forest-planted", Aggregation.Sum);
        await _fx.IndicatorAsync("poverty-rate", Aggregation.Average);
        for (var m = 1; m <= 8; m++)
        {
            var month = $"2025-{m:D2}";
            foreach (var (commune, i) in new[] { "xa-1", "xa-2", "xa-3", "xa-4" }.Select((c, i) => (c, i)))
                await _fx.SubmitAsync(commune, month, ("forest-planted", 10m * (i + 1) + m), ("poverty-rate", 4m + i));
            await _fx.SubmitAsync("so-y-te", month, ("forest-planted", 1m));
            if (m % 3 == 0) await _fx.SubmitAsync("huyen-b", month, ("poverty-rate", 9m));
        }
        await _fx.ProjectAsync();
    }

    public Task DisposeAsync() => _fx.DisposeAsync();

    [Fact]
    public async Task After_every_step_the_live_models_equal_a_replay_that_folds_the_log_at_once()
    {
        var differences = new List<string>();

        await RestructureAsync(async step =>
        {
            await new ReadModelRebuilder(_fx.DataSource).ReplayIntoAsync("rm_at_once", null, default);
            differences.AddRange((await ReadModelComparer.CompareAsync(_fx.DataSource, "rm", "rm_at_once")).Select(d => $"after the {step}: {d}"));
            await _fx.ExecuteAsync("DROP SCHEMA rm_at_once CASCADE");
        });

        Assert.Empty(differences);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(7, 2)]
    public async Task A_replay_in_pages_equals_the_live_models(int pageSize, int heldMonths)
    {
        await RestructureAsync();
        var schema = $"rm_restructured_{pageSize}_{heldMonths}";

        await new ReadModelRebuilder(_fx.DataSource, pageSize, heldMonths).ReplayIntoAsync(schema, null, default);

        Assert.Empty(await ReadModelComparer.CompareAsync(_fx.DataSource, "rm", schema));
    }

    [Fact]
    public async Task The_roll_ups_follow_the_restructurings_month_by_month()
    {
        await RestructureAsync();

        // Before the merge its predecessors count under huyen-a; from July (merged) neither does, and xa-3 is back under huyen-b.
        Assert.Equal("42", await ForestAsync("huyen-a", "2025-06"));
        Assert.Equal("", await ForestAsync("huyen-a", "2025-07"));
        Assert.Equal("70", await ForestAsync("huyen-a", "2025-09"));
        Assert.Equal("80", await ForestAsync("huyen-b", "2025-05"));
        // huyen-b is dissolved from August: tinh-b counts xa-4 (moved under it) and not the district.
        Assert.Equal("48", await ForestAsync("tinh-b", "2025-08"));
        // so-y-te, which reports for itself, is given a child: its months roll up, its own figures first.
        Assert.Equal("1", await ForestAsync("so-y-te", "2025-03"));
        Assert.Equal("2", await ForestAsync("so-y-te", "2025-09"));
    }

    /// <summary>Each step projected on its own, as the daemon meets them: months already rolled up are revisited.</summary>
    private async Task RestructureAsync(Func<string, Task>? afterEach = null)
    {
        afterEach ??= _ => Task.CompletedTask;
        await StepAsync(new UnitTransferred("rs-transfer", Month.Parse("2025-05"), "QĐ 1", null,
            UnitId.Parse("xa-3"), UnitId.Parse("huyen-a"), UnitId.Parse("huyen-b")));
        await afterEach("transfer");
        await _fx.UnitAsync("xa-moi", UnitKind.Commune, "huyen-a");
        await StepAsync(new UnitsMerged("rs-merge", Month.Parse("2025-07"), "NQ 2", null,
            [UnitId.Parse("xa-1"), UnitId.Parse("xa-2")], UnitId.Parse("xa-moi")));
        await afterEach("merge");
        await StepAsync(new UnitTransferred("rs-transfer-4", Month.Parse("2025-08"), "QĐ 3", null,
            UnitId.Parse("xa-4"), UnitId.Parse("tinh-b"), UnitId.Parse("huyen-b")));
        await afterEach("second transfer");
        await StepAsync(new UnitDissolved("rs-dissolve", Month.Parse("2025-08"), "NQ 4", null, UnitId.Parse("huyen-b")));
        await afterEach("dissolution");
        await _fx.UnitAsync("tram-y-te", UnitKind.Commune, "so-y-te");
        await _fx.ProjectAsync();
        await afterEach("child given to a unit with figures");
        await StepAsync(new RestructuringReverted("rs-transfer", "nhầm đơn vị", RestructuringKind.Move, Month.Parse("2025-05"),
            [UnitId.Parse("xa-3")], UnitId.Parse("huyen-b"), null));
        await afterEach("revert");
        await _fx.SubmitAsync("xa-moi", "2025-09", ("forest-planted", 70m), ("poverty-rate", 3m));
        await _fx.SubmitAsync("xa-3", "2025-09", ("forest-planted", 33m));
        await _fx.SubmitAsync("tram-y-te", "2025-09", ("forest-planted", 2m));
        await _fx.CorrectAsync("xa-1", "2025-07", "forest-planted", 17m, 18m);
        await _fx.ProjectAsync();
        await afterEach("later figures");
    }

    private async Task StepAsync(RestructuringEvent restructuring)
    {
        await _fx.AppendAsync(StreamIds.Restructurings, restructuring);
        await _fx.ProjectAsync();
    }

    private Task<string> ForestAsync(string unit, string month) =>
        _fx.ScalarAsync($"SELECT coalesce(figures ->> 'forest-planted', '') FROM rm.rollups WHERE unit_id = '{unit}' AND month = '{month}' UNION ALL SELECT '' LIMIT 1");
}
