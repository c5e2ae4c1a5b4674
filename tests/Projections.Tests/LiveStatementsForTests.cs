using GovReport.Domain;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Reports;
using GovReport.EventStore;
using GovReport.Projections.Rebuild;
using GovReport.Projections.Serialization;

namespace GovReport.Projections.Tests;

/// <summary>
/// The report row a command writes from the events it decided (not decoded back from the JSON it
/// just wrote) is the row the log's own JSON gives: the same as the decoding path, and the same
/// as a rebuild.
/// </summary>
public sealed class LiveStatementsForTests(ProjectionFixture fx) : IClassFixture<ProjectionFixture>
{
    private static readonly EventMetadata Metadata = new("tester", "test", Reason: "decided once");
    private const string Month = "2022-05";

    [Fact]
    public async Task A_report_folded_from_the_decided_events_matches_the_decoded_path_and_a_rebuild()
    {
        // A submission with a narrative and an instant off UTC, returned, resubmitted, approved.
        await RunAsync("xa-decided", decoded: false);
        await RunAsync("xa-decoded", decoded: true);

        var decided = await RowAsync("xa-decided");
        Assert.Equal(await RowAsync("xa-decoded"), decided);
        Assert.StartsWith("approved|4|", decided);

        await new ReadModelRebuilder(fx.DataSource).RebuildLiveAsync(null, CancellationToken.None);
        Assert.Equal(decided, await RowAsync("xa-decided"));
    }

    [Fact]
    public async Task A_decided_event_that_is_not_the_stored_one_is_read_from_the_log()
    {
        var (unit, month) = (UnitId.Parse("xa-mismatch"), Domain.Periods.Month.Parse(Month));
        var stored = EventSerializer.ToNew(Submitted(unit, month, "first"), Metadata);
        // The writer claims an approval, but the stream gets a submission: the row must say so.
        var attempt = await fx.Store.AppendOrReadAsync(StreamIds.Report(unit, month), [stored],
            InlineProjector.LiveStatementsFor([new ReportApproved(unit, month)]));

        Assert.NotNull(attempt.Appended);
        Assert.StartsWith("submitted|1|", await RowAsync("xa-mismatch"));
    }

    private async Task RunAsync(string unitId, bool decoded)
    {
        var (unit, month) = (UnitId.Parse(unitId), Domain.Periods.Month.Parse(Month));
        var stream = StreamIds.Report(unit, month);
        var opening = Submitted(unit, month, "first");
        var opened = await fx.Store.AppendOrReadAsync(stream, [EventSerializer.ToNew(opening, Metadata)],
            decoded ? InlineProjector.LiveStatements : InlineProjector.LiveStatementsFor([opening]));
        Assert.NotNull(opened.Appended);
        foreach (var next in new object[] { new ReportReturned(unit, month, "check row 3"), Submitted(unit, month, "second"), new ReportApproved(unit, month) })
        {
            var read = await fx.Store.ReadForAppendAsync(stream);
            var statements = decoded
                ? InlineProjector.LiveStatements
                : InlineProjector.LiveStatementsFor([next], EventSerializer.Decode(read.Events));
            await fx.Store.AppendAsync(read, [EventSerializer.ToNew(next, Metadata)], InlineProjector.Live, statements);
        }
    }

    private static ReportSubmitted Submitted(UnitId unit, Month month, string results) => new(unit, month,
        [new FigureValue(IndicatorCode.Parse("forest-planted"), 12.50m)], new Narrative(results, "rain \"heavy\"", null),
        new DateTimeOffset(2022, 6, 2, 9, 30, 15, 123, TimeSpan.FromHours(7)), false, month.End.AddDays(5), "clerk");

    private async Task<string> RowAsync(string unit)
    {
        await using var command = fx.DataSource.CreateCommand(
            "SELECT concat_ws('|', status, version, narrative::text, submitted_at, on_time, deadline, coalesce(return_reason, '-')) " +
            "FROM rm.reports WHERE unit_id = @unit AND month = @month");
        command.Parameters.AddWithValue("unit", unit);
        command.Parameters.AddWithValue("month", Month);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
