using System.Net;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Infrastructure;
using GovReport.Host.Tests.Reports;
using static GovReport.Host.Tests.Audit.AuditRequests;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Audit;

public class FigureHistoryTests(ReportsFactory factory) : IClassFixture<ReportsFactory>, IDisposable
{
    private readonly HttpClient _reporter = factory.ClientAs(Roles.Reporter, Commune);
    private readonly HttpClient _approver = factory.ClientAs(Roles.Approver, City);
    private readonly HttpClient _auditor = factory.ClientAs(Roles.Auditor);

    public void Dispose() => factory.Clock.Set(Today);

    [Fact]
    public async Task Given_a_figure_corrected_twice_by_different_people_when_an_auditor_asks_its_history_then_it_shows_three_values_with_who_and_why()
    {
        await _reporter.SaveDraftAsync(Commune, "2022-08", (Forest, 10m), (Patients, 300m)).ReportAsync();
        await _reporter.SubmitAsync(Commune, "2022-08").ReportAsync();
        await _approver.ApproveAsync(Commune, "2022-08").ReportAsync();
        factory.Clock.Advance(TimeSpan.FromDays(3));
        await _reporter.CorrectAsync(Commune, "2022-08", "Sai số khi nhập", (Forest, 12m)).ReportAsync();
        factory.Clock.Advance(TimeSpan.FromDays(3));
        await _approver.CorrectAsync(Commune, "2022-08", "Theo số liệu kiểm lâm", (Forest, 15m)).ReportAsync();

        var history = await _auditor.JsonAsync($"/api/audit/history?unit={Commune}&indicator={Forest}&period=2022-08");

        var entries = history.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["drafted", "submitted", "approved", "corrected", "corrected"], entries.Select(e => e.GetProperty("change").GetString()));
        Assert.Equal([10m, 12m, 15m], entries.Select(e => e.GetProperty("value").GetDecimal()).Distinct());
        var (first, second) = (entries[3], entries[4]);
        Assert.Equal((10m, 12m, $"{Roles.Reporter}-{Commune}", "Sai số khi nhập", "approved", 4L),
            (first.GetProperty("previous").GetDecimal(), first.GetProperty("value").GetDecimal(), first.GetProperty("actor").GetString(),
             first.GetProperty("reason").GetString(), first.GetProperty("status").GetString(), first.GetProperty("version").GetInt64()));
        Assert.Equal((12m, 15m, $"{Roles.Approver}-{City}", "Theo số liệu kiểm lâm"),
            (second.GetProperty("previous").GetDecimal(), second.GetProperty("value").GetDecimal(),
             second.GetProperty("actor").GetString(), second.GetProperty("reason").GetString()));
        Assert.Equal(Today.AddDays(6), second.GetProperty("recordedAt").GetDateTimeOffset());
        Assert.False(string.IsNullOrEmpty(second.GetProperty("correlationId").GetString()));
        Assert.Equal($"{Roles.Reporter}-{Commune}", entries[0].GetProperty("actor").GetString());
    }

    [Fact]
    public async Task Given_a_returned_report_when_the_history_is_read_as_csv_then_the_withdrawal_shows_with_its_reason_and_a_bom()
    {
        await factory.ClientAs(Roles.Reporter, OtherCommune).SubmitAsync(OtherCommune, "2022-07", (Forest, 5m)).ReportAsync();
        await _approver.ReturnAsync(OtherCommune, "2022-07", "Thiếu thuyết minh").ReportAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/audit/history?unit={OtherCommune}&indicator={Forest}&period=202207");
        request.Headers.Accept.ParseAdd("text/csv");

        var response = await _auditor.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("version,recordedAt,change,status,value,previous,actor,reason,correlationId", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("2,", lines[2]);
        Assert.Contains(",withdrawn,returned,5,5,", lines[2]);
        Assert.Contains("Thiếu thuyết minh", lines[2]);
    }

    [Theory]
    [InlineData("indicator=forest-planted&period=2022-08", "unit")]
    [InlineData("unit=xa-nong-thuong&period=2022-08", "indicator")]
    [InlineData("unit=xa-nong-thuong&indicator=forest-planted&period=2022Q3", "period")]
    [InlineData("unit=Xa_Bad&indicator=forest-planted&period=2022-08", "unit")]
    public async Task Given_a_bad_parameter_when_the_history_is_asked_then_a_problem_names_the_field(string query, string field)
    {
        var response = await _auditor.GetAsync($"/api/audit/history?{query}");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Given_no_such_report_when_its_history_is_asked_then_it_is_not_found()
    {
        var response = await _auditor.GetAsync($"/api/audit/history?unit={Commune}&indicator={Forest}&period=2016-01");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "report-not-found");
    }
}
