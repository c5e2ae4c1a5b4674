using GovReport.Domain;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Reports;
using GovReport.EventStore;
using GovReport.Projections.Serialization;
using GovReport.Testing;
using Npgsql;

namespace GovReport.Projections.Tests;

/// <summary>
/// What a command costs in waits on the database, as the host's StreamCommands runs it: read the
/// stream, append chained to the head read, the inline read models, commit. Nine round trips
/// for a new report and eight for an approval before the append was folded into one statement;
/// an approval took five while the report row was read back before it was written.
/// </summary>
public sealed class RoundTripsPerCommandTests(ProjectionFixture fx) : IClassFixture<ProjectionFixture>
{
    private static readonly EventMetadata Metadata = new("tester", "test", Reason: "round trips");

    [Fact]
    public async Task Submitting_a_new_report_and_approving_it_take_two_round_trips_each()
    {
        var database = new NpgsqlConnectionStringBuilder(fx.DataSource.ConnectionString).Database;
        await using var counter = new RoundTripCounter(
            new NpgsqlConnectionStringBuilder(TestDatabase.AdminConnectionString) { Database = database }.ConnectionString);
        await using var dataSource = NpgsqlDataSource.Create(counter.ConnectionString);
        var store = new PgEventStore(dataSource, fx.Clock);
        await CommandAsync(store, "xa-warm-up", "2022-01", Submitted);
        await CommandAsync(store, "xa-warm-up", "2022-01", Approved);

        counter.Reset();
        await CommandAsync(store, "xa-nong-thuong", "2022-02", Submitted);
        var submit = counter.RoundTrips;
        counter.Reset();
        await CommandAsync(store, "xa-nong-thuong", "2022-02", Approved);
        var approve = counter.RoundTrips;

        // Read the stream; then the head, the events, the notify and the report row as one batch.
        Assert.Equal((2, 2), (submit, approve));
        await using var status = fx.DataSource.CreateCommand(
            "SELECT status FROM rm.reports WHERE unit_id = 'xa-nong-thuong' AND month = '2022-02'");
        Assert.Equal("approved", await status.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Submitting_a_likely_new_report_takes_one_round_trip_and_an_existing_one_still_two()
    {
        var database = new NpgsqlConnectionStringBuilder(fx.DataSource.ConnectionString).Database;
        await using var counter = new RoundTripCounter(
            new NpgsqlConnectionStringBuilder(TestDatabase.AdminConnectionString) { Database = database }.ConnectionString);
        await using var dataSource = NpgsqlDataSource.Create(counter.ConnectionString);
        var store = new PgEventStore(dataSource, fx.Clock);
        await OpenAsync(store, "xa-warm-up-2", "2022-01");

        counter.Reset();
        var opened = await OpenAsync(store, "xa-nong-thuong", "2022-03");
        var submit = counter.RoundTrips;
        await store.AppendAsync(await store.ReadForAppendAsync(StreamIds.Report(UnitId.Parse("xa-nong-thuong"), Month.Parse("2022-04"))),
            [EventSerializer.ToNew(Submitted(UnitId.Parse("xa-nong-thuong"), Month.Parse("2022-04")), Metadata)], InlineProjector.Live, InlineProjector.LiveStatements);
        counter.Reset();
        // A report already there (here: submitted before): the batch reads it, the append is refused,
        // and the command decides on that read and appends: the two round trips of a read and an append.
        var existing = await OpenAsync(store, "xa-nong-thuong", "2022-04");
        await store.AppendAsync(existing.Existing!, [EventSerializer.ToNew(Approved(UnitId.Parse("xa-nong-thuong"), Month.Parse("2022-04")), Metadata)],
            InlineProjector.Live, InlineProjector.LiveStatements);
        var onExisting = counter.RoundTrips;

        Assert.NotNull(opened.Appended);
        Assert.Equal(1, existing.Existing!.Version);
        Assert.Equal((1, 2), (submit, onExisting));
        await using var status = fx.DataSource.CreateCommand(
            "SELECT month, status FROM rm.reports WHERE unit_id = 'xa-nong-thuong' AND month IN ('2022-03', '2022-04') ORDER BY month");
        await using var reader = await status.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add($"{reader.GetString(0)} {reader.GetString(1)}");
        Assert.Equal(["2022-03 submitted", "2022-04 approved"], rows);
    }

    private static Task<NewStreamAttempt> OpenAsync(PgEventStore store, string unit, string month)
    {
        var (u, m) = (UnitId.Parse(unit), Month.Parse(month));
        return store.AppendOrReadAsync(StreamIds.Report(u, m), [EventSerializer.ToNew(Submitted(u, m), Metadata)], InlineProjector.LiveStatements);
    }

    private static object Submitted(UnitId unit, Month month) => new ReportSubmitted(unit, month,
        [new FigureValue(IndicatorCode.Parse("forest-planted"), 12.5m)], null, new DateTimeOffset(2022, 3, 2, 0, 0, 0, TimeSpan.Zero), true, month.End.AddDays(5));

    private static object Approved(UnitId unit, Month month) => new ReportApproved(unit, month);

    private static async Task CommandAsync(PgEventStore store, string unit, string month, Func<UnitId, Month, object> decide)
    {
        var (u, m) = (UnitId.Parse(unit), Month.Parse(month));
        var read = await store.ReadForAppendAsync(StreamIds.Report(u, m));
        await store.AppendAsync(read, [EventSerializer.ToNew(decide(u, m), Metadata)], InlineProjector.Live, InlineProjector.LiveStatements);
    }
}
