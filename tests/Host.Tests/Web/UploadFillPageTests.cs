using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Parser;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Reports;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Web;

/// <summary>The month's form filled from an uploaded .csv or .xlsx (issue 11): a multipart POST with the form's antiforgery token, no JavaScript.</summary>
public sealed class UploadFillPageTests(ReportsFactory factory) : IClassFixture<ReportsFactory>
{
    private HttpClient Clerk { get; } = factory.PageClientAs(Roles.Reporter, Commune);

    private async Task<WebForms.Page> UploadAsync(string month, string fileName, string text)
    {
        var page = await Clerk.PageAsync($"/bao-cao/{Commune}/{month}");
        var input = page.Labelled("Tải lên tệp .xlsx hoặc .csv");
        Assert.Equal("file", input.GetAttribute("type"));
        var (action, token) = page.FormOf(page.Button("Điền số liệu từ tệp"));
        Assert.Equal("multipart/form-data", input.Closest("form")!.GetAttribute("enctype"));
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var body = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { file, "Upload", fileName } };
        var response = await Clerk.PostAsync(action, body);
        return new WebForms.Page(response, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task An_uploaded_csv_fills_the_inputs_for_review_and_saves_nothing()
    {
        var filled = await UploadAsync("2022-06", "thang-6.csv", "Chỉ tiêu;Giá trị\nTrồng rừng;175,158\npatients-per-day;1.234\n");

        Assert.Equal(HttpStatusCode.OK, filled.Response.StatusCode);
        Assert.Equal("175,158", filled.Labelled("Trồng rừng").GetAttribute("value"));
        Assert.Equal("1.234", filled.Labelled("Lượt khám bệnh").GetAttribute("value"));
        Assert.Contains("chưa được lưu", filled.Document.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientAs(Roles.Auditor).GetReportAsync(Commune, "2022-06")).StatusCode);

        // The filled form is the ordinary form: saving it keeps the figures.
        var saved = await Clerk.PressAsync(filled, "Lưu nháp");
        Assert.Equal("175,158", saved.Labelled("Trồng rừng").GetAttribute("value"));
    }

    [Fact]
    public async Task A_bad_figure_is_shown_beside_its_input_and_an_unknown_line_at_the_top()
    {
        var page = await UploadAsync("2022-07", "sai.csv", "Trồng rừng;-5\nKhông có chỉ tiêu này;3\n");

        Assert.Equal(HttpStatusCode.BadRequest, page.Response.StatusCode);
        var forest = page.Labelled("Trồng rừng");
        Assert.Equal("true", forest.GetAttribute("aria-invalid"));
        Assert.Contains("Dòng 1", page.Document.GetElementById(forest.GetAttribute("aria-describedby")!)!.TextContent);
        Assert.Contains("Dòng 2: 'Không có chỉ tiêu này' không phải tên hay mã chỉ tiêu", page.Text);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientAs(Roles.Auditor).GetReportAsync(Commune, "2022-07")).StatusCode);
    }

    [Fact]
    public async Task A_file_that_is_not_a_sheet_is_refused_in_words_at_the_top()
    {
        var page = await UploadAsync("2022-07", "anh.png", "not a sheet");

        Assert.Equal(HttpStatusCode.BadRequest, page.Response.StatusCode);
        Assert.Contains("Chỉ nhận tệp .xlsx hoặc .csv", page.Text);
    }
}
