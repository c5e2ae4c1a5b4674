using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Reports;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Security;

/// <summary>Free text that starts like a formula leaves every CSV and XLSX defused; numbers stay numbers.</summary>
public class FormulaInjectionTests(ReportsFactory factory) : IClassFixture<ReportsFactory>
{
    private const string Hyperlink = "=HYPERLINK(\"http://x\")";
    private const string Sum = "@SUM(A1)";

    private readonly HttpClient _admin = factory.ClientAs(Roles.Admin);

    private async Task<byte[]> DownloadAsync(string path, string mediaType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));
        var response = await _admin.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static IEnumerable<string> Fields(string csv) =>
        csv.Split("\r\n").SelectMany(line => line.Split(',')).Select(f => f.Trim('"'));

    [Fact]
    public async Task Given_formula_narratives_and_a_formula_unit_name_when_the_summary_is_exported_then_csv_and_xlsx_defuse_them()
    {
        const string hamlet = "thon-cong-thuc";
        Assert.Equal(HttpStatusCode.Created, (await _admin.PutAsJsonAsync($"/api/units/{hamlet}",
            new { name = Sum, kind = "commune", parentId = City })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientAs(Roles.Reporter, hamlet).SubmitAsync(hamlet, "2022-08", (Forest, 1m))).StatusCode);
        var reporter = factory.ClientAs(Roles.Reporter, Commune);
        var submitted = await reporter.PostAsJsonAsync(ReportRequests.PathOf(Commune, "2022-08", "submit"), new
        {
            values = new[] { new { indicator = Forest, value = 12.5m } },
            narrative = new { results = "Tốt", difficulties = Hyperlink, proposals = Sum },
        });
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var published = await _admin.PostAsJsonAsync("/api/summaries", new { scope = City, period = "2022-08" });
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var id = (await published.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString();

        var csv = Encoding.UTF8.GetString((await DownloadAsync($"/api/summaries/{id}", "text/csv"))[3..]);
        Assert.Contains("'=HYPERLINK(\"\"http://x\"\")", csv);
        Assert.Contains("'" + Sum, csv);
        Assert.DoesNotContain(Fields(csv), f => f.StartsWith('=') || f.StartsWith('@'));
        Assert.Contains(",13.5,", csv); // a figure is still a bare number

        using var document = SpreadsheetDocument.Open(new MemoryStream(await DownloadAsync($"/api/summaries/{id}", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")), false);
        var texts = document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<Cell>())
            .Where(c => c.DataType?.Value == CellValues.InlineString).Select(c => c.InnerText).ToList();
        Assert.True(texts.Contains("'" + Sum), string.Join(" | ", texts));
        Assert.DoesNotContain(texts, t => t.StartsWith('=') || t.StartsWith('@') || t.StartsWith('+'));
    }

    [Fact]
    public async Task Given_a_correction_whose_reason_is_a_formula_when_the_audit_history_is_exported_then_it_is_defused_and_numbers_stay_numeric()
    {
        var reporter = factory.ClientAs(Roles.Reporter, OtherCommune);
        Assert.Equal(HttpStatusCode.OK, (await reporter.SubmitAsync(OtherCommune, "2022-07", (Forest, 3m))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientAs(Roles.Approver, City).CorrectAsync(OtherCommune, "2022-07", Hyperlink, (Forest, 4m))).StatusCode);

        var csv = Encoding.UTF8.GetString((await DownloadAsync($"/api/audit/history?unit={OtherCommune}&indicator={Forest}&period=2022-07", "text/csv"))[3..]);
        Assert.Contains("'=HYPERLINK(", csv);
        Assert.DoesNotContain(Fields(csv), f => f.StartsWith('='));
    }
}
