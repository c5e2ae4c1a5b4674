using System.Net;
using System.Net.Http.Json;
using GovReport.Domain;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.EventStore;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Reports;

public class ReportLifecycleTests(ReportsFactory factory) : IClassFixture<ReportsFactory>, IDisposable
{
    private readonly HttpClient _reporter = factory.ClientAs(Roles.Reporter, Commune);
    private readonly HttpClient _approver = factory.ClientAs(Roles.Approver, City);

    public void Dispose() => factory.Clock.Set(Today);

    [Fact]
    public async Task Given_a_commune_when_it_drafts_submits_is_returned_resubmits_is_approved_and_corrects_then_every_step_shows_and_history_keeps_the_old_value()
    {
        var draft = await _reporter.SaveDraftAsync(Commune, "2022-08", (Forest, 12.5m), (Patients, 300m)).ReportAsync();
        Assert.Equal("draft", draft.GetProperty("status").GetString());
        Assert.Equal(1, draft.GetProperty("version").GetInt64());
        Assert.Equal(Commune, draft.GetProperty("unit").GetString());
        Assert.Equal("2022-08", draft.GetProperty("month").GetString());

        var submitted = await _reporter.SubmitAsync(Commune, "2022-08").ReportAsync();
        Assert.Equal("submitted", submitted.GetProperty("status").GetString());
        Assert.Equal(12.5m, submitted.ValueOf(Forest));

        var returned = await _approver.ReturnAsync(Commune, "2022-08", "Số liệu trồng rừng chưa khớp").ReportAsync();
        Assert.Equal("returned", returned.GetProperty("status").GetString());
        Assert.Equal("Số liệu trồng rừng chưa khớp", returned.GetProperty("returnReason").GetString());

        var resubmitted = await _reporter.SubmitAsync(Commune, "2022-08", (Forest, 175.158m), (Patients, 300m)).ReportAsync();
        Assert.Equal("submitted", resubmitted.GetProperty("status").GetString());
        Assert.Equal(175.158m, resubmitted.ValueOf(Forest));

        var approved = await _approver.ApproveAsync(Commune, "2022-08").ReportAsync();
        Assert.Equal("approved", approved.GetProperty("status").GetString());

        var corrected = await _reporter.CorrectAsync(Commune, "2022-08", "Sai số khi nhập", (Forest, 176m)).ReportAsync();
        Assert.Equal("approved", corrected.GetProperty("status").GetString());
        Assert.Equal(6, corrected.GetProperty("version").GetInt64());

        var read = await _reporter.GetReportAsync(Commune, "2022-08").ReportAsync();
        Assert.Equal(176m, read.ValueOf(Forest));
        Assert.Equal(300m, read.ValueOf(Patients));
        Assert.Equal("approved", read.GetProperty("status").GetString());

        var store = factory.Services.GetRequiredService<PgEventStore>();
        var history = await store.ReadStreamAsync(StreamIds.Report(new UnitId(Commune), new Month(2022, 8)));
        Assert.Equal(["draft_saved", "report_submitted", "report_returned", "report_submitted", "report_approved", "figures_corrected"],
            history.Select(e => e.Type));
        Assert.Contains("175.158", history[3].Data);
        Assert.Contains("175.158", history[5].Data);
        Assert.Equal("Sai số khi nhập", history[5].Metadata.Reason);
        Assert.Equal($"{Roles.Reporter}-{Commune}", history[5].Metadata.Actor);
    }

    [Fact]
    public async Task Given_the_deadline_day_when_the_commune_submits_before_midnight_in_vietnam_then_it_is_on_time()
    {
        // August 2022 at commune level: three working days after Wednesday the 31st is Monday 5 September.
        var at = new DateTimeOffset(2022, 9, 5, 23, 0, 0, ReportingCalendar.VietnamOffset);
        factory.Clock.Set(at);
        var reporter = factory.ClientAs(Roles.Reporter, OtherCommune);

        var report = await reporter.SubmitAsync(OtherCommune, "2022-08", (Forest, 1m)).ReportAsync();

        Assert.True(report.GetProperty("onTime").GetBoolean());
        Assert.Equal("2022-09-05", report.GetProperty("deadline").GetString());
        Assert.Equal(at, report.GetProperty("submittedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Given_the_deadline_has_passed_when_the_commune_submits_then_it_is_recorded_late()
    {
        // July 2022 ends on a Sunday; the third working day after it is Wednesday 3 August.
        factory.Clock.Set(new DateTimeOffset(2022, 8, 4, 0, 30, 0, ReportingCalendar.VietnamOffset));
        var reporter = factory.ClientAs(Roles.Reporter, OtherCommune);

        var report = await reporter.SubmitAsync(OtherCommune, "2022-07", (Forest, 1m)).ReportAsync();

        Assert.False(report.GetProperty("onTime").GetBoolean());
        Assert.Equal("2022-08-03", report.GetProperty("deadline").GetString());
        var list = await reporter.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/units/{OtherCommune}/reports?year=2022");
        var july = list.GetProperty("reports").EnumerateArray().Single(r => r.GetProperty("month").GetString() == "2022-07");
        Assert.False(july.GetProperty("onTime").GetBoolean());
        Assert.Equal("submitted", july.GetProperty("status").GetString());
    }
}
