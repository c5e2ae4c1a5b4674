using GovReport.Domain;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Reports;
using GovReport.Domain.Targets;
using GovReport.EventStore;
using GovReport.Projections.Queries;
using GovReport.Projections.Queries.Performance;
using GovReport.Projections.ReadModels;
using GovReport.Projections.Serialization;
using GovReport.Testing;
using Npgsql;

namespace GovReport.Projections.Tests;

/// <summary>
/// A migrated database and a small way to write domain events as the host does: appended with
/// the inline read models in the same transaction, then projected by the figure subscriber.
/// </summary>
public sealed class ProjectionFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    public NpgsqlDataSource DataSource { get; private set; } = null!;
    public ManualClock Clock { get; } = new(new DateTimeOffset(2022, 9, 1, 1, 0, 0, TimeSpan.Zero));
    public PgEventStore Store { get; private set; } = null!;
    public PerformanceQuery Performance { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("projections");
        DataSource = NpgsqlDataSource.Create(_database.ConnectionString);
        Store = new PgEventStore(DataSource, Clock);
        await Store.MigrateAsync();
        await ReadModelSchema.MigrateLiveAsync(DataSource);
        Performance = new PerformanceQuery(DataSource, new CatalogueReader(DataSource));
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }

    /// <summary>Appends as the host's commands do: chained to the stream just read, which the inline models fold from.</summary>
    public async Task AppendAsync(string stream, params object[] events)
    {
        var read = await Store.ReadForAppendAsync(stream);
        var metadata = new EventMetadata("tester", "test", Reason: "test");
        await Store.AppendAsync(read, events.Select(e => EventSerializer.ToNew(e, metadata)).ToList(), InlineProjector.Live);
    }

    /// <summary>
    /// Projects everything appended so far. Transactions anywhere on the server (other test
    /// databases too) can hold the subscription barrier back for a moment, so wait them out.
    /// </summary>
    public async Task ProjectAsync()
    {
        var freshness = new ProjectionFreshness(DataSource, new EventSubscription(DataSource), TimeProvider.System);
        var subscription = ProjectionDaemon.FigureSubscription(DataSource);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        Freshness lag;
        do await subscription.CatchUpAsync();
        while ((lag = await freshness.LagAsync()).PendingEvents > 0 && DateTime.UtcNow < deadline && await Pause());
        // A test that goes on behind the log would assert on stale read models and blame the projection.
        if (lag.PendingEvents > 0) throw new TimeoutException($"The projection did not catch up within 30 s: {lag}");
    }

    private static async Task<bool> Pause()
    {
        await Task.Delay(10);
        return true;
    }

    public Task UnitAsync(string id, UnitKind kind, string? parent = null) =>
        AppendAsync(StreamIds.Unit(UnitId.Parse(id)),
            new UnitRegistered(UnitId.Parse(id), id, kind, parent is null ? null : UnitId.Parse(parent), null));

    public Task IndicatorAsync(string code, Aggregation aggregation, Direction direction = Direction.HigherIsBetter) =>
        AppendAsync(StreamIds.Indicator(IndicatorCode.Parse(code)),
            new IndicatorDefined(IndicatorCode.Parse(code), code, "ha", aggregation, direction, null));

    public Task SubmitAsync(string unit, string month, params (string Indicator, decimal Value)[] values)
    {
        var (u, m) = (UnitId.Parse(unit), Month.Parse(month));
        return AppendAsync(StreamIds.Report(u, m), new ReportSubmitted(u, m,
            values.Select(v => new FigureValue(IndicatorCode.Parse(v.Indicator), v.Value)).ToList(), null,
            Clock.GetUtcNow(), true, m.End.AddDays(5)));
    }

    public Task CorrectAsync(string unit, string month, string indicator, decimal? previous, decimal value)
    {
        var (u, m) = (UnitId.Parse(unit), Month.Parse(month));
        return AppendAsync(StreamIds.Report(u, m),
            new FiguresCorrected(u, m, [new FigureChange(IndicatorCode.Parse(indicator), previous, value)], "sửa số liệu"));
    }

    public Task PlanAsync(string unit, int year, params (string Indicator, decimal Value)[] targets) =>
        AppendAsync(StreamIds.Plan(UnitId.Parse(unit), year), new AnnualTargetsSet(UnitId.Parse(unit), year,
            targets.Select(t => new TargetLine(IndicatorCode.Parse(t.Indicator), t.Value)).ToList(), "QĐ 01", "tester", Clock.GetUtcNow()));

    public async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of the first row, as invariant text.</summary>
    public async Task<string> ScalarAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    public async Task<PerformanceRow?> RowAsync(string unit, string month, PerformanceView view, string indicator, DateTimeOffset? asOf = null)
    {
        var report = await Performance.RunAsync(UnitId.Parse(unit), Month.Parse(month), view, asOf, IndicatorCode.Parse(indicator));
        return report.Rows.SingleOrDefault();
    }
}
