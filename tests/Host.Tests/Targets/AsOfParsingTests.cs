using System.Net;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Catalogue;
using GovReport.Host.Tests.Infrastructure;

namespace GovReport.Host.Tests.Targets;

/// <summary>Every endpoint reads an instant through one parser: the same texts are accepted, refused or taken as absent.</summary>
public class AsOfParsingTests(GovReportFactory factory) : IClassFixture<GovReportFactory>
{
    private HttpClient Admin => factory.CreateClient([Roles.Admin], [], "admin-asof");

    [Fact]
    public async Task Given_a_blank_as_of_when_a_plan_is_read_then_it_is_read_as_now_like_every_other_as_of()
    {
        await Admin.EnsureUnitAsync("asof-blank", "district");
        await Admin.EnsureIndicatorAsync("forest-planted", "ha");
        await Admin.PutJsonAsync("/api/units/asof-blank/targets/2022", new { targets = new[] { new { indicator = "forest-planted", value = 10m } } });

        var plan = await Admin.GetAsync("/api/units/asof-blank/targets/2022?asOf=");
        var comparison = await Admin.GetAsync("/api/units/asof-blank/performance?period=2022-08&asOf=");

        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
        Assert.Equal(HttpStatusCode.OK, comparison.StatusCode);
    }

    [Theory]
    [InlineData("/api/units/asof-bad/targets/2022?asOf=", "asOf")]
    [InlineData("/api/units/asof-bad/performance?period=2022-08&asOf=", "asOf")]
    [InlineData("/api/units/asof-bad/reports/2022-08?asOf=", "asOf")]
    [InlineData("/api/reporting-status?period=2022-08&asOf=", "asOf")]
    [InlineData("/api/audit/events?from=", "from")]
    public async Task Given_the_same_malformed_instant_when_any_endpoint_reads_it_then_each_names_the_field(string path, string field)
    {
        await Admin.EnsureUnitAsync("asof-bad", "district");

        var response = await Admin.GetAsync(path + Uri.EscapeDataString("2022-13-10T00:00:00Z"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal([field], ApiTestSupport.ErrorFields(problem));
    }
}
