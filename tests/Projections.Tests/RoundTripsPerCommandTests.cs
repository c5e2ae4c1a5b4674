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
