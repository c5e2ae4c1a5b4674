using System.Net;
using System.Text.Json;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Reports;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Web;

/// <summary>The month's report form, the approver's queue and a figure's history, driven as a browser drives them (with the API's bearer tokens).</summary>
public sealed class ReportFormPageTests(ReportsFactory factory) : IClassFixture<ReportsFactory>
{
    // One client per test: it keeps the antiforgery cookie between the GET and the POST, as a browser does.
    private HttpClient Clerk { get; } = factory.PageClientAs(Roles.Reporter, Commune);

    private async Task<JsonElement?> ApiReportAsync(string unit, string month)
    {
        var response = await factory.ClientAs(Roles.Auditor).GetReportAsync(unit, month);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task The_form_labels_each_indicator_by_its_catalogue_name_and_offers_draft_and_submit()
    {
        var page = await Clerk.PageAsync($"/bao-cao/{Commune}/2022-05");

        var forest = page.Labelled("Trồng rừng (ha)");
        Assert.Equal("input", forest.LocalName);
        Assert.Equal("Values[forest-planted]", forest.GetAttribute("name"));
        page.Labelled("Lượt khám bệnh");
        page.Labelled("Kết quả");
        page.Labelled("Khó khăn");
        page.Labelled("Đề xuất");
        page.Button("Lưu nháp");
        page.Button("Gửi báo cáo");
        Assert.Equal("vi", page.Document.DocumentElement.GetAttribute("lang"));
        page.Button("Đăng xuất");
    }

    [Fact]
    public async Task Vietnamese_is_sent_as_itself_not_as_character_references()
    {
        var html = await Clerk.GetStringAsync($"/bao-cao/{Commune}/2022-05");

        Assert.Contains(">Trồng rừng (ha)</label>", html);
        Assert.DoesNotContain("&#x1", html);
    }

    [Fact]
    public async Task A_clerk_saves_a_draft_in_vi_VN_numbers_then_submits_it()
    {
        var page = await Clerk.PageAsync($"/bao-cao/{Commune}/2022-08");

        var saved = await Clerk.PressAsync(page, "Lưu nháp", ("Values[forest-planted]", "1.234,5"), ("Results", "Trồng xong rừng phòng hộ"));

        Assert.Equal(HttpStatusCode.OK, saved.Response.StatusCode);
        Assert.Contains("Nháp", saved.Document.QuerySelector(".report-status")!.TextContent);
        Assert.Equal("1.234,5", saved.Labelled("Trồng rừng").GetAttribute("value"));
        var draft = (await ApiReportAsync(Commune, "2022-08"))!.Value;
        Assert.Equal("draft", draft.GetProperty("status").GetString());
        Assert.Equal(1234.5m, draft.GetProperty("values")[0].GetProperty("value").GetDecimal());

        var submitted = await Clerk.PressAsync(saved, "Gửi báo cáo", ("Values[forest-planted]", "175,158"));

        Assert.Equal(HttpStatusCode.OK, submitted.Response.StatusCode);
        Assert.Equal("Đã gửi", submitted.Document.QuerySelector(".report-status")!.TextContent.Trim());
        var report = (await ApiReportAsync(Commune, "2022-08"))!.Value;
        Assert.Equal("submitted", report.GetProperty("status").GetString());
        Assert.Equal(175.158m, report.GetProperty("values")[0].GetProperty("value").GetDecimal());
        submitted.Labelled("Lý do điều chỉnh");
    }

    [Theory]
    [InlineData("-5", "không được âm")]
    [InlineData("abc", "Không phải là số hợp lệ")]
    [InlineData("1,2,3", "Không phải là số hợp lệ")]
    public async Task A_refused_figure_is_explained_beside_its_input_and_nothing_is_saved(string typed, string message)
    {
        var page = await Clerk.PageAsync($"/bao-cao/{Commune}/2022-04");

        var again = await Clerk.PressAsync(page, "Lưu nháp", ("Values[forest-planted]", typed), ("Values[patients-per-day]", "120"));

        Assert.Equal(HttpStatusCode.BadRequest, again.Response.StatusCode);
        var input = again.Labelled("Trồng rừng");
        Assert.Equal(typed, input.GetAttribute("value"));
        Assert.Equal("120", again.Labelled("Lượt khám bệnh").GetAttribute("value"));
        var described = again.Document.GetElementById(input.GetAttribute("aria-describedby")!);
        Assert.Contains(message, described!.TextContent);
        Assert.Same(input.Closest("td"), described.Closest("td"));
        Assert.Null(await ApiReportAsync(Commune, "2022-04"));
    }

    [Fact]
    public async Task A_post_without_its_antiforgery_token_is_refused()
    {
        var response = await Clerk.PostAsync($"/bao-cao/{Commune}/2022-03?handler=LuuNhap",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Values[forest-planted]"] = "5" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await ApiReportAsync(Commune, "2022-03"));
    }

    [Fact]
    public async Task A_reporter_of_another_unit_is_refused_the_pages_of_this_one()
    {
        var stranger = factory.PageClientAs(Roles.Reporter, ForeignUnit);

        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/bao-cao/{Commune}/2022-08")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/bao-cao/{Commune}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/tong-hop/{City}?period=2022-08&view=ytd")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Clerk.GetAsync($"/kiem-toan/lich-su?unit={Commune}&indicator={Forest}&period=2022-08")).StatusCode);
    }

    [Fact]
    public async Task The_months_page_says_each_months_status_in_words()
    {
        Assert.Equal(HttpStatusCode.OK, (await Clerk.SaveDraftAsync(Commune, "2022-01", (Forest, 1m))).StatusCode);

        var page = await Clerk.PageAsync($"/bao-cao/{Commune}?nam=2022");

        var january = Assert.Single(page.Document.QuerySelectorAll("tr"), r => r.TextContent.Contains("Tháng 1/2022"));
        Assert.Contains("Nháp", january.TextContent);
        Assert.Contains(page.Document.QuerySelectorAll("tr"), r => r.TextContent.Contains("Tháng 2/2022") && r.TextContent.Contains("Chưa lập"));
        Assert.NotNull(january.QuerySelector($"a[href='/bao-cao/{Commune}/2022-01']"));
    }

    [Fact]
    public async Task An_approver_returns_a_report_with_a_reason_then_approves_it()
    {
        Assert.Equal(HttpStatusCode.OK, (await OtherCommuneClerk().SubmitAsync(OtherCommune, "2022-07", (Forest, 2m))).StatusCode);
        var approver = factory.PageClientAs(Roles.Approver, City);

        var queue = await approver.PageAsync("/duyet");
        var row = Assert.Single(queue.Document.QuerySelectorAll("li.queue-item"), r => r.TextContent.Contains("Xã Dương Quang") && r.TextContent.Contains("Tháng 7/2022"));
        Assert.NotNull(row.QuerySelector($"a[href='/duyet/{OtherCommune}/2022-07']"));

        var noReason = await approver.PressAsync(QueueRow(queue, row), "Trả lại", ("reason", ""));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.Response.StatusCode);
        Assert.Equal("submitted", (await ApiReportAsync(OtherCommune, "2022-07"))!.Value.GetProperty("status").GetString());

        var returned = await approver.PressAsync(QueueRow(queue, row), "Trả lại", ("reason", "Thiếu số liệu trồng rừng"));
        Assert.Equal(HttpStatusCode.OK, returned.Response.StatusCode);
        var report = (await ApiReportAsync(OtherCommune, "2022-07"))!.Value;
        Assert.Equal(("returned", "Thiếu số liệu trồng rừng"), (report.GetProperty("status").GetString(), report.GetProperty("returnReason").GetString()));

        Assert.Equal(HttpStatusCode.OK, (await factory.ClientAs(Roles.Reporter, OtherCommune).SubmitAsync(OtherCommune, "2022-07", (Forest, 3m))).StatusCode);
        var again = await approver.PageAsync("/duyet");
        var approved = await approver.PressAsync(QueueRow(again, RowOf(again, "Xã Dương Quang")), "Duyệt");

        Assert.Equal(HttpStatusCode.OK, approved.Response.StatusCode);
        Assert.Equal("approved", (await ApiReportAsync(OtherCommune, "2022-07"))!.Value.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_approver_cannot_approve_their_own_submission_and_is_told_so()
    {
        var both = factory.PageClientFor("hai-vai", [Roles.Reporter, Roles.Approver], Commune, City);
        Assert.Equal(HttpStatusCode.OK, (await both.SubmitAsync(Commune, "2022-02", (Forest, 2m))).StatusCode);

        var queue = await both.PageAsync("/duyet");
        var refused = await both.PressAsync(QueueRow(queue, RowOf(queue, "Tháng 2/2022")), "Duyệt");

        Assert.Equal(HttpStatusCode.Forbidden, refused.Response.StatusCode);
        Assert.Contains("chính mình gửi", refused.Text);
        Assert.Equal("submitted", (await ApiReportAsync(Commune, "2022-02"))!.Value.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_reporter_sees_the_queue_but_no_review_buttons()
    {
        Assert.Equal(HttpStatusCode.OK, (await Clerk.SubmitAsync(Commune, "2022-06", (Forest, 6m))).StatusCode);

        var queue = await Clerk.PageAsync("/duyet");

        RowOf(queue, "Tháng 6/2022");
        Assert.DoesNotContain(queue.Document.QuerySelectorAll("button"), b => b.TextContent.Trim() is "Duyệt" or "Trả lại");
    }

    [Fact]
    public async Task An_auditor_sees_a_corrections_reason_in_the_figures_history()
    {
        Assert.Equal(HttpStatusCode.OK, (await Clerk.SubmitAsync(Commune, "2022-09", (Forest, 10m))).StatusCode);
        var form = await Clerk.PageAsync($"/bao-cao/{Commune}/2022-09");

        var noReason = await Clerk.PressAsync(form, "Ghi điều chỉnh", ("Values[forest-planted]", "12,5"));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.Response.StatusCode);
        Assert.Contains("lý do", noReason.Text);
        var corrected = await Clerk.PressAsync(form, "Ghi điều chỉnh", ("Values[forest-planted]", "12,5"), ("Reason", "Đo đạc lại diện tích"));
        Assert.Equal(HttpStatusCode.OK, corrected.Response.StatusCode);
        Assert.Equal(12.5m, (await ApiReportAsync(Commune, "2022-09"))!.Value.GetProperty("values")[0].GetProperty("value").GetDecimal());

        var history = await factory.PageClientAs(Roles.Auditor).PageAsync($"/kiem-toan/lich-su?unit={Commune}&indicator={Forest}&period=2022-09");

        var row = Assert.Single(history.Document.QuerySelectorAll("tbody tr"), r => r.TextContent.Contains("Điều chỉnh"));
        Assert.Contains("Đo đạc lại diện tích", row.TextContent);
        Assert.Contains("12,5", row.TextContent);
        Assert.Contains("reporter-xa-nong-thuong", row.TextContent);
        Assert.Contains("Trang web", row.TextContent);
        Assert.Matches(@"\d{2}/\d{2}/2022 \d{2}:\d{2}:\d{2}", row.TextContent);
    }

    private HttpClient OtherCommuneClerk() => factory.ClientAs(Roles.Reporter, OtherCommune);

    private static AngleSharp.Dom.IElement RowOf(WebForms.Page page, string text) =>
        Assert.Single(page.Document.QuerySelectorAll("li.queue-item"), r => r.TextContent.Contains(text));

    /// <summary>The page narrowed to one row, so its buttons (one per row) are unique.</summary>
    private static WebForms.Page QueueRow(WebForms.Page page, AngleSharp.Dom.IElement row) =>
        page with { Document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(
            $"<html><body>{row.OuterHtml}</body></html>") };
}
