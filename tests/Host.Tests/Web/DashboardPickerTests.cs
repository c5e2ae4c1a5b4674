using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Reports;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Web;

/// <summary>
/// The leaders' dashboard beyond its table: pickers that work as a plain GET form, the plan
/// picker once a second baseline exists, the two charts with their words and data table, who
/// reported by child unit, the published summary with its downloads, and the block dashboard.
/// Figures: the city's plan of 155 ha (and 200 ha in the council's plan) against 175,158 ha planted.
/// </summary>
public sealed class DashboardPickerTests(ReportsFactory factory) : IClassFixture<ReportsFactory>
{
    private static readonly ConditionalWeakTable<ReportsFactory, Task> Seeded = new();
    private const string Block = "kinh-te";

    private Task SeedOnceAsync() => Seeded.GetValue(factory, SeedAsync);

    private static async Task SeedAsync(ReportsFactory factory)
    {
        var admin = factory.ClientAs(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/units/{City}/targets/2022", new { targets = new[] { new { indicator = Forest, value = 155m } }, decision = "QĐ 01" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/units/{City}/targets/2022?plan=council", new { targets = new[] { new { indicator = Forest, value = 200m } }, decision = "NQ HĐND 05" })).StatusCode);
        var monthly = new[] { 0m, 0m, 20m, 30.5m, 40m, 40m, 24.658m };
        for (var m = 1; m <= 7; m++)
            Assert.Equal(HttpStatusCode.OK, (await admin.SubmitAsync(Commune, $"2022-{m:D2}", (Forest, monthly[m - 1]))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.SubmitAsync(OtherCommune, "2022-08", (Forest, 20m))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.SubmitAsync(Commune, "2021-03", (Forest, 11m))).StatusCode);
        // Two departments of another city in the economy block (khối Kinh tế).
        foreach (var (id, name) in new[] { ("phong-kinh-te-a", "Phòng Kinh tế A"), ("phong-kinh-te-b", "Phòng Kinh tế B") })
            Assert.True((await admin.PutAsJsonAsync($"/api/units/{id}", new { name, kind = "department", parentId = OtherCity, block = Block })).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.SubmitAsync("phong-kinh-te-a", "2022-08", (Forest, 3m))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.SubmitAsync("phong-kinh-te-b", "2022-08", (Forest, 4.5m))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/summaries", new { scope = City, period = "2022-08" })).StatusCode);
    }

    private HttpClient Leader => factory.PageClientAs(Roles.Planner);

    [Fact]
    public async Task The_pickers_are_a_get_form_that_keeps_the_chosen_month_and_view()
    {
        await SeedOnceAsync();
        var page = await Leader.PageAsync($"/tong-hop/{City}?period=2022-08&view=quarter");

        var form = page.Labelled("Kỳ báo cáo").Closest("form")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("2022-08", page.Document.QuerySelector("select#period option[selected]")?.GetAttribute("value"));
        Assert.Equal("quarter", page.Document.QuerySelector("select#view option[selected]")?.GetAttribute("value"));
        Assert.Equal(["Tháng", "Quý", "6 tháng", "9 tháng", "Lũy kế từ đầu năm", "Năm"],
            page.Labelled("Cách xem").QuerySelectorAll("option").Select(o => o.TextContent.Trim()));
        // The third quarter so far: July's 24,658 ha and August's 20.
        var row = Assert.Single(page.Document.QuerySelectorAll("table.dashboard tbody tr"), r => r.QuerySelector("th")?.TextContent == "Trồng rừng");
        Assert.Equal("44,658", row.QuerySelectorAll("td")[1].TextContent);
    }

    [Fact]
    public async Task The_plan_picker_offers_the_councils_plan_and_holds_the_figures_to_it()
    {
        await SeedOnceAsync();
        var official = await Leader.PageAsync($"/tong-hop/{City}?period=2022-08&view=ytd");
        Assert.Contains(official.Labelled("Kế hoạch").QuerySelectorAll("option"), o => o.GetAttribute("value") == "council" && o.TextContent.Contains("Kế hoạch HĐND"));

        var council = await Leader.PageAsync($"/tong-hop/{City}?period=2022-08&view=ytd&plan=council");

        var row = Assert.Single(council.Document.QuerySelectorAll("table.dashboard tbody tr"), r => r.QuerySelector("th")?.TextContent == "Trồng rừng");
        Assert.Contains("88%", row.TextContent); // 175,158 of 200 ha
        Assert.Contains("87,58%", row.TextContent);
        Assert.Equal("council", council.Document.QuerySelector("select#plan option[selected]")?.GetAttribute("value"));

        var bad = await Leader.PageAsync($"/tong-hop/{City}?period=2022-08&plan=wish", ok: false);
        Assert.Equal(HttpStatusCode.BadRequest, bad.Response.StatusCode);
        Assert.Contains("Kế hoạch không hợp lệ", bad.Text);
    }

    [Fact]
    public async Task A_unit_without_a_second_plan_has_no_plan_picker()
    {
        await SeedOnceAsync();
        var page = await Leader.PageAsync($"/tong-hop/{Commune}?period=2022-08");
        Assert.Null(page.Document.QuerySelector("select#plan"));
    }

    [Fact]
    public async Task The_charts_are_server_svg_with_words_and_a_data_table()
    {
        await SeedOnceAsync();
        var page = await Leader.PageAsync($"/tong-hop/{City}?period=2022-08&view=ytd&indicator={Forest}");

        var progress = Assert.Single(page.Document.QuerySelectorAll("ul.progress li"));
        Assert.Contains("Trồng rừng", progress.TextContent);
        Assert.Contains("113% · Đạt kế hoạch", progress.TextContent);
        Assert.Contains("113% kế hoạch", progress.QuerySelector("svg title")!.TextContent);

        var chart = page.Document.QuerySelector("svg.year-chart")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.Contains("năm 2022", chart.QuerySelector("title")!.TextContent);
        Assert.Contains("tháng 3: 20 (năm trước 11)", chart.QuerySelector("desc")!.TextContent);
        Assert.Equal(2, chart.QuerySelectorAll("polyline").Length);
        var rows = page.Document.QuerySelectorAll("table.series-table tbody tr");
        Assert.Equal(8, rows.Length);
        Assert.Equal(["Tháng 4", "30,5", "—"], rows[3].Children.Select(c => c.TextContent.Trim()));
        Assert.Equal(["Tháng 3", "20", "11"], rows[2].Children.Select(c => c.TextContent.Trim()));
        Assert.Equal(Forest, page.Document.QuerySelector("select#indicator option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Reporting_status_names_each_child_with_its_state_in_words()
    {
        await SeedOnceAsync();
        var page = await Leader.PageAsync($"/tong-hop/{City}?period=2022-08");

        var rows = page.Document.QuerySelectorAll("table.reporting tbody tr");
        string State(string name) => Assert.Single(rows, r => r.QuerySelector("th")!.TextContent == name).QuerySelector("td")!.TextContent.Trim();
        Assert.Equal("Chưa gửi", State("Xã Nông Thượng"));
        Assert.Contains(State("Xã Dương Quang"), new[] { "Đúng hạn", "Muộn" });
    }

    [Fact]
    public async Task The_published_summary_shows_its_lines_and_downloads_as_xlsx_and_csv()
    {
        await SeedOnceAsync();
        var page = await Leader.PageAsync($"/tong-hop/{City}?period=2022-08&view=ytd");

        var lines = page.Document.QuerySelector("ul.summary-lines")!.TextContent;
        Assert.Contains("Trồng rừng đạt 175,158/155 ha, bằng 113% kế hoạch", lines);
        var xlsx = page.Document.QuerySelectorAll("a").First(a => a.TextContent == "Tải XLSX").GetAttribute("href")!;
        var csv = page.Document.QuerySelectorAll("a").First(a => a.TextContent == "Tải CSV").GetAttribute("href")!;

        var file = await Leader.GetAsync(xlsx);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await file.Content.ReadAsByteArrayAsync())[..2]);
        var text = await Leader.GetStringAsync(csv);
        Assert.Contains("Trồng rừng", text);

        // Another unit's reader may not take the city's file.
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.PageClientAs(Roles.Reporter, OtherCity).GetAsync(csv)).StatusCode);
    }

    [Fact]
    public async Task A_block_has_its_own_dashboard_adding_up_its_members()
    {
        await SeedOnceAsync();
        var page = await Leader.PageAsync($"/tong-hop/khoi/{Block}?period=2022-08&view=month");

        Assert.Contains("Khối Kinh tế", page.Document.QuerySelector("h1")!.TextContent);
        var row = Assert.Single(page.Document.QuerySelectorAll("table.dashboard tbody tr"), r => r.QuerySelector("th")?.TextContent == "Trồng rừng");
        Assert.Contains("7,5", row.TextContent);
        Assert.Contains("Chưa có kế hoạch", row.TextContent);
        var reporting = page.Document.QuerySelector("table.reporting")!.TextContent;
        Assert.Contains("Phòng Kinh tế A", reporting);
        Assert.Contains("Phòng Kinh tế B", reporting);
        Assert.Null(page.Document.QuerySelector("select#plan"));

        Assert.Equal(HttpStatusCode.Forbidden, (await factory.PageClientAs(Roles.Reporter, "phong-kinh-te-a").PageAsync($"/tong-hop/khoi/{Block}", ok: false)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Leader.PageAsync("/tong-hop/khoi/khong-co", ok: false)).Response.StatusCode);
    }

    [Fact]
    public async Task A_period_that_does_not_read_is_refused_in_words()
    {
        await SeedOnceAsync();
        var page = await Leader.PageAsync($"/tong-hop/{City}?period=thang-tam", ok: false);
        Assert.Equal(HttpStatusCode.BadRequest, page.Response.StatusCode);
        Assert.Contains("Kỳ báo cáo không hợp lệ", page.Text);
        Assert.Null(page.Document.QuerySelector("table.dashboard"));
    }
}
