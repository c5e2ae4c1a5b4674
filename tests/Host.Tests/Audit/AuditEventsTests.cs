using System.Net;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Infrastructure;
using GovReport.Host.Tests.Reports;
using static GovReport.Host.Tests.Audit.AuditRequests;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Audit;

public class AuditEventsTests(ReportsFactory factory) : IClassFixture<ReportsFactory>, IDisposable
{
    private readonly HttpClient _auditor = factory.ClientAs(Roles.Auditor);

    public void Dispose() => factory.Clock.Set(Today);

    [Fact]
    public async Task Given_reports_of_several_units_when_an_auditor_filters_by_unit_then_only_that_units_streams_show_in_sequence_order()
    {
        // xa-a must not pick up xa-ab's streams, nor xa-a-b's.
        foreach (var stream in new[] { "unit-xa-a", "report-xa-a-2022-08", "plan-xa-a-2022", "report-xa-ab-2022-08", "unit-xa-ab", "plan-xa-ab-2022", "report-xa-a-b-2022-08" })
            await factory.AppendNoteAsync(stream);

        var page = await _auditor.JsonAsync("/api/audit/events?unit=xa-a");

        var events = page.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(["unit-xa-a", "report-xa-a-2022-08", "plan-xa-a-2022"], events.Select(e => e.GetProperty("stream").GetString()));
        var sequences = events.Select(e => e.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal("test-seed", events[0].GetProperty("actor").GetString());
        Assert.Equal("x", events[0].GetProperty("data").GetProperty("note").GetString());
        Assert.Equal(64, events[0].GetProperty("hash").GetString()!.Length);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, page.GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task Given_a_report_written_over_days_when_an_auditor_filters_its_stream_by_time_then_only_events_in_range_show_with_metadata()
    {
        var reporter = factory.ClientAs(Roles.Reporter, Commune);
        var approver = factory.ClientAs(Roles.Approver, City);
        factory.Clock.Set(new DateTimeOffset(2022, 10, 2, 1, 0, 0, TimeSpan.Zero));
        await reporter.SubmitAsync(Commune, "2022-09", (Forest, 1m)).ReportAsync();
        factory.Clock.Set(new DateTimeOffset(2022, 10, 5, 1, 0, 0, TimeSpan.Zero));
        await approver.ReturnAsync(Commune, "2022-09", "Thiếu số liệu").ReportAsync();
        factory.Clock.Set(new DateTimeOffset(2022, 10, 9, 1, 0, 0, TimeSpan.Zero));
        await reporter.SubmitAsync(Commune, "2022-09", (Forest, 2m)).ReportAsync();
        var stream = $"report-{Commune}-2022-09";

        var all = await _auditor.JsonAsync($"/api/audit/events?stream={stream}");
        var middle = await _auditor.JsonAsync($"/api/audit/events?stream={stream}&from=2022-10-03&to={Q(new DateTimeOffset(2022, 10, 9, 1, 0, 0, TimeSpan.Zero))}");

        Assert.Equal(3, all.GetProperty("events").GetArrayLength());
        var returned = Assert.Single(middle.GetProperty("events").EnumerateArray());
        Assert.Equal(("report_returned", 2L, $"{Roles.Approver}-{City}", "Thiếu số liệu"),
            (returned.GetProperty("type").GetString(), returned.GetProperty("version").GetInt64(),
             returned.GetProperty("actor").GetString(), returned.GetProperty("data").GetProperty("reason").GetString()));
        Assert.False(string.IsNullOrEmpty(returned.GetProperty("correlationId").GetString()));
        Assert.Equal("api", returned.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Given_more_events_than_the_limit_when_paging_by_the_next_cursor_then_every_event_comes_once()
    {
        var seen = new List<long>();
        string? after = "";
        while (after is not null)
        {
            var page = await _auditor.JsonAsync($"/api/audit/events?after={after}&limit=3");
            seen.AddRange(page.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()));
            after = page.GetProperty("next").ValueKind == System.Text.Json.JsonValueKind.Null ? null : page.GetProperty("next").GetString();
        }

        Assert.Equal(await factory.EventCountAsync(), seen.Count);
        Assert.Equal(seen.Distinct().Order(), seen);
    }

    [Fact]
    public async Task Given_an_accept_header_for_csv_when_events_are_read_then_the_same_rows_come_as_csv_with_a_bom()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/audit/events?unit=" + Commune);
        request.Headers.Accept.ParseAdd("text/csv");
        await factory.ClientAs(Roles.Admin).SaveDraftAsync(Commune, "2021-01", (Forest, 3m)).ReportAsync();

        var response = await _auditor.SendAsync(request);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("sequence,stream,version,type,recordedAt,actor,source,reason,correlationId,causationId,data,hash\r\n", text);
        Assert.Contains("unit-xa-nong-thuong,1,unit_registered,", text);
        Assert.Contains("report-xa-nong-thuong-2021-01,1,draft_saved,", text);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=5001", "limit")]
    [InlineData("after=-1", "after")]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2022-10-05&to=2022-10-01", "to")]
    [InlineData("unit=Bad_Unit", "unit")]
    [InlineData("unit=xa-a&stream=unit-xa-a", "unit")]
    public async Task Given_a_bad_parameter_when_events_are_asked_then_a_problem_names_the_field(string query, string field)
    {
        var response = await _auditor.GetAsync($"/api/audit/events?{query}");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}
