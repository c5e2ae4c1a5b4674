using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Reports;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Web;

/// <summary>
/// The auditor's pages: the event log filtered and paged as GET /api/audit/events filters it,
/// verify's result, and "as of" on the dashboard and a figure's history. Given: Xã Dương Quang
/// reports 20 ha for August on 1 September 2022 and corrects it to 25 ha on 3 September.
/// </summary>
public sealed class AuditPageTests(ReportsFactory factory) : IClassFixture<ReportsFactory>
{
    private static readonly ConditionalWeakTable<ReportsFactory, Task> Seeded = new();
    private const string Reason = "Số liệu nghiệm thu của Hạt kiểm lâm";
    private const string BeforeCorrection = "2022-09-02T00:00:00Z";

    private Task SeedOnceAsync() => Seeded.GetValue(factory, SeedAsync);

    private static async Task SeedAsync(ReportsFactory factory)
    {
        var admin = factory.ClientAs(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.SubmitAsync(OtherCommune, "2022-08", (Forest, 20m))).StatusCode);
        factory.Clock.Set(new DateTimeOffset(2022, 9, 3, 2, 0, 0, TimeSpan.Zero));
        Assert.Equal(HttpStatusCode.OK, (await admin.CorrectAsync(OtherCommune, "2022-08", Reason, (Forest, 25m))).StatusCode);
    }

    private HttpClient Auditor => factory.PageClientAs(Roles.Auditor);

    [Fact]
    public async Task The_event_log_filters_by_unit_and_type_and_shows_who_when_and_why()
    {
        await SeedOnceAsync();
        var page = await Auditor.PageAsync($"/kiem-toan/nhat-ky?unit={OtherCommune}&type=figures_corrected");

        var row = Assert.Single(page.Document.QuerySelectorAll("table.events tbody tr"));
        Assert.Contains("Điều chỉnh số liệu", row.TextContent);
        Assert.Contains(Reason, row.TextContent);
        Assert.Contains("03/09/2022 09:00:00", row.TextContent);
        Assert.Contains($"report-{OtherCommune}-2022-08", row.TextContent);
        Assert.Equal("figures_corrected", page.Document.QuerySelector("select#type option[selected]")?.GetAttribute("value"));
        Assert.Equal(OtherCommune, page.Labelled("Đơn vị").GetAttribute("value"));
    }

    [Fact]
    public async Task The_event_log_filters_by_indicator_and_recorded_time()
    {
        await SeedOnceAsync();
        var poverty = await Auditor.PageAsync($"/kiem-toan/nhat-ky?indicator={Poverty}");
        var only = Assert.Single(poverty.Document.QuerySelectorAll("table.events tbody tr"));
        Assert.Contains($"indicator-{Poverty}", only.TextContent);

        var forest = await Auditor.PageAsync($"/kiem-toan/nhat-ky?indicator={Forest}&from={BeforeCorrection}");
        var corrected = Assert.Single(forest.Document.QuerySelectorAll("table.events tbody tr"));
        Assert.Contains("Điều chỉnh số liệu", corrected.TextContent);

        var until = await Auditor.PageAsync($"/kiem-toan/nhat-ky?unit={OtherCommune}&to={BeforeCorrection}");
        Assert.DoesNotContain("Điều chỉnh số liệu", until.Document.QuerySelector("table.events")!.TextContent);
    }

    [Fact]
    public async Task The_event_log_pages_forward_keeping_its_filters()
    {
        await SeedOnceAsync();
        var first = await Auditor.PageAsync($"/kiem-toan/nhat-ky?unit={OtherCommune}&limit=1");
        Assert.Single(first.Document.QuerySelectorAll("table.events tbody tr"));
        var next = first.Document.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains($"unit={OtherCommune}", next);

        var second = await Auditor.PageAsync(next);

        Assert.NotEqual(first.Document.QuerySelector("table.events tbody tr td")!.TextContent,
            second.Document.QuerySelector("table.events tbody tr td")!.TextContent);
        Assert.NotNull(second.Document.QuerySelectorAll("a").FirstOrDefault(a => a.TextContent.Contains("Trang đầu")));
    }

    [Fact]
    public async Task A_bad_filter_is_refused_in_words_and_a_reporter_is_refused_the_page()
    {
        var bad = await Auditor.PageAsync("/kiem-toan/nhat-ky?type=made_up&from=hom-qua", ok: false);
        Assert.Equal(HttpStatusCode.BadRequest, bad.Response.StatusCode);
        Assert.Contains("Loại sự kiện không có trong danh sách.", bad.Text);
        Assert.Contains("Thời điểm \"Từ\" không hợp lệ", bad.Text);

        Assert.Equal(HttpStatusCode.Forbidden, (await factory.PageClientAs(Roles.Reporter, Commune).GetAsync("/kiem-toan/nhat-ky")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.PageClientAs(Roles.Planner).GetAsync("/kiem-toan/kiem-tra")).StatusCode);
    }

    [Fact]
    public async Task The_event_log_api_takes_the_same_type_and_indicator_filters()
    {
        await SeedOnceAsync();
        var body = await factory.ClientAs(Roles.Auditor).GetFromJsonAsync<JsonElement>($"/api/audit/events?unit={OtherCommune}&type=figures_corrected&indicator={Forest}");
        var e = Assert.Single(body.GetProperty("events").EnumerateArray());
        Assert.Equal(Reason, e.GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await factory.ClientAs(Roles.Auditor).GetAsync("/api/audit/events?type=made_up")).StatusCode);
    }

    [Fact]
    public async Task The_verify_page_shows_what_the_api_answers()
    {
        await SeedOnceAsync();
        var page = await Auditor.PageAsync("/kiem-toan/kiem-tra");
        var api = await factory.ClientAs(Roles.Auditor).GetFromJsonAsync<JsonElement>("/api/audit/verify");

        Assert.True(api.GetProperty("ok").GetBoolean());
        Assert.Contains("Toàn vẹn", page.Text);
        var facts = page.Document.QuerySelector("dl.facts")!;
        var events = facts.QuerySelectorAll("dt").First(d => d.TextContent == "Số sự kiện đã kiểm tra").NextElementSibling!.TextContent;
        Assert.Equal(api.GetProperty("checkedEvents").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), events.Replace(".", ""));
        page.Button("Kiểm tra lại");
    }

    [Fact]
    public async Task As_of_an_instant_the_dashboard_and_the_history_show_what_was_recorded_by_then()
    {
        await SeedOnceAsync();
        var leader = factory.PageClientAs(Roles.Planner);
        static string Forest(WebForms.Page page) =>
            Assert.Single(page.Document.QuerySelectorAll("table.dashboard tbody tr"), r => r.QuerySelector("th")?.TextContent == "Trồng rừng").QuerySelectorAll("td")[1].TextContent;

        var then = await leader.PageAsync($"/tong-hop/{City}?period=2022-08&view=month&asOf={BeforeCorrection}");
        var now = await leader.PageAsync($"/tong-hop/{City}?period=2022-08&view=month");

        Assert.Equal("20", Forest(then));
        Assert.Equal("25", Forest(now));
        Assert.Contains("Số liệu như đã ghi nhận đến 02/09/2022 07:00:00", then.Text);
        Assert.Equal(BeforeCorrection, then.Labelled("Tại thời điểm").GetAttribute("value"));

        var history = $"/kiem-toan/lich-su?unit={OtherCommune}&indicator={ReportTestData.Forest}&period=2022-08";
        Assert.Equal(2, (await Auditor.PageAsync(history)).Document.QuerySelectorAll("tbody tr").Length);
        var asOf = await Auditor.PageAsync($"{history}&asOf={BeforeCorrection}");
        Assert.Single(asOf.Document.QuerySelectorAll("tbody tr"));
        Assert.DoesNotContain(Reason, asOf.Text);
        Assert.Equal(BeforeCorrection, asOf.Labelled("Tại thời điểm").GetAttribute("value"));

        var bad = await leader.PageAsync($"/tong-hop/{City}?asOf=hom-qua", ok: false);
        Assert.Equal(HttpStatusCode.BadRequest, bad.Response.StatusCode);
        Assert.Contains("Thời điểm không hợp lệ", bad.Text);
    }
}
