using System.Text.RegularExpressions;
using GovReport.Domain.Catalogue;
using GovReport.Projections.ReadModels;
using GovReport.Projections.Rebuild;

namespace GovReport.Projections.Tests;

/// <summary>
/// A replay builds its twin without the secondary indexes or autovacuum (and a twin only compared,
/// without the WAL), and finishes it at the end: what is swapped in must be exactly what the
/// migrations make, index for index, constraint for constraint, option for option and logged, and
/// hold the same rows as the live models.
/// </summary>
public sealed class TwinSchemaTests : IAsyncLifetime
{
    private readonly ProjectionFixture _fx = new();

    public async Task InitializeAsync()
    {
        await _fx.InitializeAsync();
        await _fx.UnitAsync("bac-kan", UnitKind.City);
        await _fx.UnitAsync("xa-nong-thuong", UnitKind.Commune, "bac-kan");
        await _fx.UnitAsync("xa-duong-quang", UnitKind.Commune, "bac-kan");
        await _fx.IndicatorAsync("forest-planted", Aggregation.Sum);
        for (var m = 1; m <= 3; m++)
        {
            await _fx.SubmitAsync("xa-nong-thuong", $"2022-{m:D2}", ("forest-planted", 10m + m));
            await _fx.SubmitAsync("xa-duong-quang", $"2022-{m:D2}", ("forest-planted", 5m));
        }
        await _fx.CorrectAsync("xa-nong-thuong", "2022-02", "forest-planted", 12m, 12.5m);
        await _fx.ProjectAsync();
    }

    public Task DisposeAsync() => _fx.DisposeAsync();

    [Fact]
    public async Task A_rebuild_swaps_in_exactly_the_indexes_constraints_and_logged_tables_of_the_migrated_schema()
    {
        var migrated = await ShapeAsync("rm");

        await new ReadModelRebuilder(_fx.DataSource).RebuildLiveAsync(null, default);

        var rebuilt = await ShapeAsync("rm");
        Assert.Equal(migrated, rebuilt);
        // The indexes the replay put off are among them, and nothing in the live schema is unlogged.
        Assert.Contains(rebuilt, line => line.StartsWith("index reports reports_month_idx CREATE INDEX", StringComparison.Ordinal));
        Assert.Contains(rebuilt, line => line.StartsWith("index restructurings restructurings_units_idx", StringComparison.Ordinal));
        Assert.All(rebuilt.Where(line => line.StartsWith("relation ", StringComparison.Ordinal)), line => Assert.EndsWith(" p", line));
        await new ReadModelRebuilder(_fx.DataSource).ReplayIntoAsync("rm_replay", null, default);
        Assert.Empty(await ReadModelComparer.CompareAsync(_fx.DataSource, "rm", "rm_replay"));
    }

    [Fact]
    public async Task A_twin_only_compared_has_the_live_indexes_and_rows_and_is_not_logged()
    {
        await new ReadModelRebuilder(_fx.DataSource).ReplayIntoAsync("rm_twin", null, default);

        var (live, twin) = (await ShapeAsync("rm"), await ShapeAsync("rm_twin"));
        Assert.Equal(live.Where(l => !l.StartsWith("relation ", StringComparison.Ordinal)),
            twin.Where(l => !l.StartsWith("relation ", StringComparison.Ordinal)));
        Assert.All(twin.Where(line => line.StartsWith("relation ", StringComparison.Ordinal)), line => Assert.EndsWith(" u", line));
        Assert.Empty(await ReadModelComparer.CompareAsync(_fx.DataSource, "rm", "rm_twin"));
    }

    [Fact]
    public async Task A_twin_replays_without_its_secondary_indexes_but_keeps_the_keys_its_upserts_need()
    {
        TwinSchema twin;
        await using (var connection = await _fx.DataSource.OpenConnectionAsync())
            twin = await TwinSchema.CreateAsync(connection, "rm_bare", unlogged: true, default);

        var bare = await ShapeAsync("rm_bare");
        Assert.DoesNotContain(bare, line => line.StartsWith("index reports reports_month_idx", StringComparison.Ordinal));
        Assert.Contains(bare, line => line.StartsWith("index reports reports_pkey CREATE UNIQUE INDEX", StringComparison.Ordinal));
        Assert.Contains(bare, line => line.StartsWith("index rollups rollups_pkey CREATE UNIQUE INDEX", StringComparison.Ordinal));
        Assert.Equal(4, twin.Indexes.Count);
        Assert.Contains("options reports autovacuum_enabled=false", bare);
        Assert.Contains("relation reports u", bare);

        await using (var connection = await _fx.DataSource.OpenConnectionAsync())
            await twin.CompleteAsync(connection, durable: true, default);
        Assert.Equal(await ShapeAsync("rm"), await ShapeAsync("rm_bare"));
    }

    /// <summary>Every index, constraint, relation's persistence and storage option in the schema, its name taken out of the definitions.</summary>
    private async Task<List<string>> ShapeAsync(string schema)
    {
        await using var command = _fx.DataSource.CreateCommand("""
            SELECT 'index ' || tablename || ' ' || indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = $1
            UNION ALL
            SELECT 'constraint ' || c.relname || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid)
            FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1
            UNION ALL
            SELECT 'relation ' || c.relname || ' ' || c.relpersistence::text
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'i')
            UNION ALL
            SELECT 'options ' || c.relname || ' ' || array_to_string(c.reloptions, ',')
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.reloptions IS NOT NULL
            ORDER BY 1
            """);
        command.Parameters.Add(new() { Value = schema });
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(Regex.Replace(reader.GetString(0), $@"\b{schema}\.", "SCHEMA."));
        return lines;
    }
}
