using System.Net;
using System.Text;
using GovReport.Host.Tests.Infrastructure;
using GovReport.Host.Tests.Reports;

namespace GovReport.Host.Tests.Security;

/// <summary>
/// Found by the fuzz: a NUL in a narrative passed every check, then PostgreSQL refused it in the
/// event's jsonb (22P05) and the client got a 500. Text with control characters is a 400 naming
/// the field; tabs and line breaks are text.
/// </summary>
public class ControlCharacterTests(ReportsFactory factory) : IClassFixture<ReportsFactory>
{
    [Theory]
    [InlineData("\\u0000")]
    [InlineData("Mưa kéo dài\\n\\u0007")]
    [InlineData("\\u001b[31m")]
    public async Task Given_a_control_character_in_a_narrative_then_400_naming_it_and_nothing_appended(string escaped)
    {
        var client = factory.ClientAs("reporter", ReportTestData.Commune);
        var before = await factory.EventCountAsync();
        var body = $$$"""{"values":[{"indicator":"{{{ReportTestData.Forest}}}","value":1}],"narrative":{"results":"{{{escaped}}}"}}""";

        var response = await client.PutAsync(ReportRequests.PathOf(ReportTestData.Commune, "2022-08"),
            new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("control characters", problem.GetProperty("errors").GetProperty("narrative.results")[0].GetString());
        Assert.Equal(before, await factory.EventCountAsync());
    }

    [Fact]
    public async Task Given_tabs_and_line_breaks_in_a_narrative_then_they_are_kept()
    {
        var client = factory.ClientAs("reporter", ReportTestData.Commune);
        var body = $$$"""{"values":[{"indicator":"{{{ReportTestData.Forest}}}","value":1}],"narrative":{"results":"Một\tHai\r\nBa"}}""";

        var response = await client.PutAsync(ReportRequests.PathOf(ReportTestData.Commune, "2022-07"),
            new StringContent(body, Encoding.UTF8, "application/json"));

        var report = await Task.FromResult(response).ReportAsync();
        Assert.Equal("Một\tHai\r\nBa", report.GetProperty("narrative").GetProperty("results").GetString());
    }
}
