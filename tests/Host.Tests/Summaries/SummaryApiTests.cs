using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Infrastructure;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Summaries;

public class SummaryApiTests(SummariesFactory factory) : IClassFixture<SummariesFactory>, IAsyncLifetime
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public Task InitializeAsync() => SeedOnceAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly HashSet<SummariesFactory> Seeded = [];

    private async Task SeedOnceAsync()
    {
        await Gate.WaitAsync();
        try { if (Seeded.Add(factory)) await factory.SeedAugustAsync(); }
        finally { Gate.Release(); }
    }

    private async Task<string> PublishAsync()
    {
        var created = await factory.ClientAs(Roles.Approver, City).PublishAsync(City, "2022-08").JsonAsync(HttpStatusCode.Created);
        Assert.True(created.GetProperty("onDemand").GetBoolean());
        return created.GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Given_an_approver_of_the_scope_when_publishing_on_demand_then_a_separate_stream_that_never_blocks_the_automatic_one()
    {
        var id = await PublishAsync();
        Assert.StartsWith("summary-bac-kan-2022-08-ondemand-", id);
        var summary = await factory.ClientAs(Roles.Reporter, City).GetAsync($"/api/summaries/{id}").JsonAsync();
        Assert.Contains("Trồng rừng đạt 175,158/155 ha, bằng 113% kế hoạch.", summary.Lines());

        factory.Clock.Set(SummariesFactory.AfterDeadline(new Domain.Periods.Month(2022, 8)));
        Assert.Contains("summary-bac-kan-2022-08", await factory.Scheduler.RunOnceAsync(default));
        var listed = (await factory.ClientAs(Roles.Auditor).ListAsync(City, "2022-08")).GetProperty("summaries").EnumerateArray();
        Assert.Contains(listed, s => s.GetProperty("id").GetString() == "summary-bac-kan-2022-08" && !s.GetProperty("onDemand").GetBoolean());
    }

    [Fact]
    public async Task Given_a_clock_finer_than_the_database_when_listing_then_each_summary_shows_its_own_publication_instant()
    {
        factory.Clock.Set(factory.Clock.GetUtcNow().AddTicks(1_234_567 - factory.Clock.GetUtcNow().Ticks % 10_000_000));
        var id = await PublishAsync();
        var client = factory.ClientAs(Roles.Auditor);

        var published = (await client.GetAsync($"/api/summaries/{id}").JsonAsync()).GetProperty("publishedAt").GetDateTimeOffset();
        var listed = (await client.ListAsync(City, "2022-08")).GetProperty("summaries").EnumerateArray()
            .Single(s => s.GetProperty("id").GetString() == id).GetProperty("publishedAt").GetDateTimeOffset();

        Assert.Equal(published, listed);
        Assert.Equal(0, published.Ticks % 10);
    }

    [Fact]
    public async Task Given_a_summary_when_asked_for_csv_and_xlsx_then_both_carry_the_figures_of_the_json()
    {
        var id = await PublishAsync();
        var client = factory.ClientAs(Roles.Auditor);
        var json = await client.GetAsync($"/api/summaries/{id}").JsonAsync();
        var actual = json.Row("ytd", Forest).GetProperty("actual").GetDecimal();
        var percent = json.Row("ytd", Forest).GetProperty("percentOfTarget").GetDecimal();

        using var csvRequest = new HttpRequestMessage(HttpMethod.Get, $"/api/summaries/{id}");
        csvRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var csvResponse = await client.SendAsync(csvRequest);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var csv = Encoding.UTF8.GetString(bytes[3..]);
        var sections = csv.Split("\r\n\r\n");
        var ytd = sections.Single(s => s.StartsWith("view,ytd,"));
        Assert.Contains($"forest-planted,Trồng rừng,ha,{actual.ToString(CultureInfo.InvariantCulture)},155,{percent.ToString(CultureInfo.InvariantCulture)},", ytd);
        Assert.Contains("Trồng rừng đạt 175,158/155 ha, bằng 113% kế hoạch.", csv);

        using var xlsxRequest = new HttpRequestMessage(HttpMethod.Get, $"/api/summaries/{id}");
        xlsxRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(Xlsx));
        var xlsxResponse = await client.SendAsync(xlsxRequest);
        Assert.Equal(Xlsx, xlsxResponse.Content.Headers.ContentType?.MediaType);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await xlsxResponse.Content.ReadAsByteArrayAsync()), false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["month", "quarter-to-date", "ytd", "reporting-status", "lines"], sheets.Select(s => s.Name!.Value));
        var rows = ((WorksheetPart)workbook.GetPartById(sheets[2].Id!)).Worksheet.Descendants<Row>().ToList();
        var forest = rows.Single(r => r.Elements<Cell>().First().InnerText == Forest).Elements<Cell>().ToList();
        Assert.Equal(actual, decimal.Parse(forest[3].CellValue!.Text, CultureInfo.InvariantCulture));
        Assert.Equal(155m, decimal.Parse(forest[4].CellValue!.Text, CultureInfo.InvariantCulture));
        Assert.Equal(percent, decimal.Parse(forest[5].CellValue!.Text, CultureInfo.InvariantCulture));
        Assert.NotNull(forest[3].StyleIndex);
        var lines = ((WorksheetPart)workbook.GetPartById(sheets[4].Id!)).Worksheet.Descendants<Cell>().Select(c => c.InnerText);
        Assert.Contains("Trồng rừng đạt 175,158/155 ha, bằng 113% kế hoạch.", lines);
    }

    [Theory]
    [InlineData(null, "2022-08", "scope")]
    [InlineData("Bac Kan", "2022-08", "scope")]
    [InlineData("khong-co", "2022-08", "scope")]
    [InlineData(City, null, "period")]
    [InlineData(City, "2022Q3", "period")]
    [InlineData(City, "2030-01", "period")]
    public async Task Given_bad_input_when_publishing_then_400_naming_the_field(string? scope, string? period, string field)
    {
        var response = await factory.ClientAs(Roles.Admin).PostAsJsonAsync("/api/summaries", new { scope, period });
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData(Roles.Approver, OtherCity)]
    [InlineData(Roles.Reporter, City)]
    [InlineData(Roles.Auditor, City)]
    public async Task Given_no_approval_over_the_scope_when_publishing_then_403(string role, string unit) =>
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAs(role, unit).PublishAsync(City, "2022-08")).StatusCode);

    [Fact]
    public async Task Given_unknown_or_malformed_ids_and_filters_when_read_then_404_and_400_problems()
    {
        var client = factory.ClientAs(Roles.Reporter, Commune);
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/summaries/summary-bac-kan-1999-01"), HttpStatusCode.NotFound, "summary-not-found");
        var bad = await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/summaries/report-bac-kan-2022-08"), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("id", out _));
        var badPeriod = await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/summaries?scope=bac-kan&period=2022-13"), HttpStatusCode.BadRequest);
        Assert.True(badPeriod.GetProperty("errors").TryGetProperty("period", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ClientAs(null).GetAsync("/api/summaries")).StatusCode);
    }
}
