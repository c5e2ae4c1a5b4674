using System.Net;
using System.Text;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Infrastructure;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Reports;

/// <summary>Every bad input is a 400 naming the field, and nothing reaches the event store.</summary>
public class ReportValidationTests(ReportsFactory factory) : IClassFixture<ReportsFactory>
{
    private const string Good = """{"values":[{"indicator":"forest-planted","value":1}]}""";

    public static TheoryData<string, string, string, string> BadRequests => new()
    {
        // method, path, body, the field `errors` must name
        { "PUT", "/api/units/Xa_Nong_Thuong/reports/2022-08", Good, "unitId" },
        { "PUT", $"/api/units/{Commune}/reports/2022-13", Good, "month" },
        { "PUT", $"/api/units/{Commune}/reports/august", Good, "month" },
        { "PUT", "/api/units/xa-khong-co/reports/2022-08", Good, "unitId" },
        { "PUT", $"/api/units/{Commune}/reports/2022-10", Good, "month" },
        { "PUT", $"/api/units/{Commune}/reports/2022-08", """{"values":[{"indicator":"forest-planted","value":1},{"indicator":"no-such-thing","value":2}]}""", "values[1].indicator" },
        { "PUT", $"/api/units/{Commune}/reports/2022-08", """{"values":[{"indicator":"Forest Planted","value":1}]}""", "values[0].indicator" },
        { "PUT", $"/api/units/{Commune}/reports/2022-08", """{"values":[{"indicator":"forest-planted","value":-3}]}""", "values[0].value" },
        { "PUT", $"/api/units/{Commune}/reports/2022-08", """{"values":[{"indicator":"forest-planted","value":1},{"indicator":"forest-planted","value":2}]}""", "values[1].indicator" },
        { "PUT", $"/api/units/{Commune}/reports/2022-08", """{"values":[{"indicator":"forest-planted","value":1e400}]}""", "values[0].value" },
        { "PUT", $"/api/units/{Commune}/reports/2022-08", """{"values":[{"indicator":"forest-planted","value":"12,5"}]}""", "values[0].value" },
        { "PUT", $"/api/units/{Commune}/reports/2022-08", """{"values":[{"indicator":"forest-planted"}]}""", "values[0].value" },
        { "PUT", $"/api/units/{Commune}/reports/2022-08", """{"narrative":{"results":"ok"}}""", "values" },
        { "POST", $"/api/units/{Commune}/reports/2022-08/submit", """{"values":[{"indicator":"poverty-rate","value":-1}]}""", "values[0].value" },
        { "POST", $"/api/units/{Commune}/reports/2022-08/submit", "", "values" },
        { "POST", $"/api/units/{Commune}/reports/2022-08/return", """{"reason":"  "}""", "reason" },
        { "POST", $"/api/units/{Commune}/reports/2022-08/return", "{}", "reason" },
        { "POST", $"/api/units/{Commune}/reports/2022-08/corrections", """{"values":[{"indicator":"forest-planted","value":2}]}""", "reason" },
        { "POST", $"/api/units/{Commune}/reports/2022-08/corrections", """{"values":[],"reason":"typo"}""", "values" },
        { "POST", $"/api/units/{Commune}/reports/2022-08/corrections", """{"reason":"typo"}""", "values" },
        { "GET", $"/api/units/{Commune}/reports/2022-08?asOf=yesterday", "", "asOf" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Given_a_bad_field_when_writing_then_it_is_a_400_naming_the_field_and_nothing_is_appended(
        string method, string path, string body, string field)
    {
        var client = factory.ClientAs(Roles.Admin);
        var before = await factory.EventCountAsync();

        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body.Length > 0) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await client.SendAsync(request);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors does not name {field}: {problem}");
        Assert.Equal(before, await factory.EventCountAsync());
    }

    [Fact]
    public async Task Given_several_bad_figures_when_saving_then_each_is_named()
    {
        var client = factory.ClientAs(Roles.Admin);
        var response = await client.PutAsync($"/api/units/{Commune}/reports/2022-08", new StringContent(
            """{"values":[{"indicator":"forest-planted","value":-1},{"indicator":"nope-nope","value":2},{"indicator":"forest-planted","value":3}]}""",
            Encoding.UTF8, "application/json"));

        var errors = (await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("values[0].value", out _));
        Assert.True(errors.TryGetProperty("values[1].indicator", out _));
        Assert.True(errors.TryGetProperty("values[2].indicator", out _));
    }

    [Fact]
    public async Task Given_a_dhis2_month_id_when_saving_then_the_report_is_filed_under_the_canonical_month()
    {
        var report = await factory.ClientAs(Roles.Reporter, Commune).SaveDraftAsync(Commune, "202206", (Forest, 2m)).ReportAsync();

        Assert.Equal("2022-06", report.GetProperty("month").GetString());
    }
}
