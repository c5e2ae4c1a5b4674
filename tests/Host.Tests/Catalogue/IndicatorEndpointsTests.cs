using System.Net;
using System.Net.Http.Headers;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Infrastructure;

namespace GovReport.Host.Tests.Catalogue;

public class IndicatorEndpointsTests(GovReportFactory factory) : IClassFixture<GovReportFactory>
{
    private HttpClient Planner => factory.CreateClient(Roles.Planner);

    [Fact]
    public async Task Given_no_indicator_when_a_planner_defines_one_then_it_is_created_and_listed()
    {
        var response = await Planner.PutJsonAsync("/api/indicators/forest-planted", new
        {
            name = "Trồng rừng", measure = "ha", aggregation = "sum", direction = "higher-is-better", sector = "Nông nghiệp",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/indicators/forest-planted", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var created = await response.ReadJsonAsync();
        Assert.Equal("sum", created.GetProperty("aggregation").GetString());
        Assert.False(created.GetProperty("allowsNegative").GetBoolean());

        var list = await (await factory.CreateClient(Roles.Reporter, "bac-kan").GetAsync("/api/indicators")).ReadJsonAsync();
        var entry = list.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "forest-planted");
        Assert.Equal("Trồng rừng", entry.GetProperty("name").GetString());
        Assert.Equal("ha", entry.GetProperty("measure").GetString());
        Assert.Equal("higher-is-better", entry.GetProperty("direction").GetString());
        Assert.Equal("Nông nghiệp", entry.GetProperty("sector").GetString());
    }

    [Fact]
    public async Task Given_an_indicator_when_it_is_revised_then_one_read_shows_the_new_definition_and_version()
    {
        await Planner.EnsureIndicatorAsync("patients-per-day", "lượt");

        var response = await Planner.PutJsonAsync("/api/indicators/patients-per-day", new
        {
            name = "Khám bệnh", measure = "lượt/ngày", aggregation = "per-day", direction = "higher-is-better",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var one = await factory.CreateClient(Roles.Auditor).GetAsync("/api/indicators/patients-per-day");
        Assert.Equal("\"2\"", one.Headers.ETag?.Tag);
        var indicator = await one.ReadJsonAsync();
        Assert.Equal("per-day", indicator.GetProperty("aggregation").GetString());
        Assert.Equal("lượt/ngày", indicator.GetProperty("measure").GetString());
        Assert.Equal(2, indicator.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Given_an_indicator_when_the_same_definition_is_put_again_then_nothing_is_appended()
    {
        await Planner.EnsureIndicatorAsync("net-migration", "người", allowsNegative: true);
        var before = await factory.EventCountAsync();

        var response = await Planner.PutJsonAsync("/api/indicators/net-migration", new
        {
            name = "Chỉ tiêu net-migration", measure = "người", aggregation = "sum", direction = "higher-is-better", allowsNegative = true,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("allowsNegative").GetBoolean());
        Assert.Equal(before, await factory.EventCountAsync());
    }

    [Fact]
    public async Task Given_no_such_indicator_when_it_is_read_then_the_answer_is_a_404_problem()
    {
        await ProblemAssert.IsProblemAsync(await Planner.GetAsync("/api/indicators/khong-co"), HttpStatusCode.NotFound, "indicator-not-found");
    }

    [Theory]
    [InlineData("Forest", """{"name":"x","measure":"ha","aggregation":"sum","direction":"higher-is-better"}""", "code")]
    [InlineData("bad-name", """{"measure":"ha","aggregation":"sum","direction":"higher-is-better"}""", "name")]
    [InlineData("bad-measure", """{"name":"x","aggregation":"sum","direction":"higher-is-better"}""", "measure")]
    [InlineData("bad-measure", """{"name":"x","measure":"MEASURE_TOO_LONG","aggregation":"sum","direction":"higher-is-better"}""", "measure")]
    [InlineData("bad-agg", """{"name":"x","measure":"ha","direction":"higher-is-better"}""", "aggregation")]
    [InlineData("bad-agg", """{"name":"x","measure":"ha","aggregation":"median","direction":"higher-is-better"}""", "aggregation")]
    [InlineData("bad-dir", """{"name":"x","measure":"ha","aggregation":"sum"}""", "direction")]
    [InlineData("bad-dir", """{"name":"x","measure":"ha","aggregation":"sum","direction":"up"}""", "direction")]
    [InlineData("bad-neg", """{"name":"x","measure":"ha","aggregation":"sum","direction":"up","allowsNegative":"yes"}""", "allowsNegative")]
    [InlineData("no-body", "", "body")]
    [InlineData("null-body", "null", "body")]
    public async Task Given_a_bad_indicator_put_when_it_is_sent_then_it_is_a_400_naming_the_field_and_appends_nothing(
        string code, string json, string field)
    {
        var client = Planner;
        var before = await factory.EventCountAsync();

        var response = await client.PutAsync($"/api/indicators/{code}",
            ApiTestSupport.Json(json.Replace("MEASURE_TOO_LONG", new string('m', 51))));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Contains(field, ApiTestSupport.ErrorFields(problem));
        Assert.Equal(before, await factory.EventCountAsync());
    }

    [Fact]
    public async Task Given_an_indicator_when_it_is_put_with_a_stale_if_match_then_it_is_a_412()
    {
        await Planner.EnsureIndicatorAsync("budget-revenue", "tỷ đồng");
        await Planner.EnsureIndicatorAsync("budget-revenue", "triệu đồng");
        var before = await factory.EventCountAsync();
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/indicators/budget-revenue")
        {
            Content = ApiTestSupport.Json("""{"name":"Thu ngân sách","measure":"tỷ đồng","aggregation":"sum","direction":"higher-is-better"}"""),
        };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));

        await ProblemAssert.IsProblemAsync(await Planner.SendAsync(request), HttpStatusCode.PreconditionFailed, "precondition-failed");
        Assert.Equal(before, await factory.EventCountAsync());
    }

    [Fact]
    public async Task Given_no_token_when_an_indicator_is_put_then_it_is_a_401()
    {
        var response = await factory.CreateClient().PutAsync("/api/indicators/anon",
            ApiTestSupport.Json("""{"name":"x","measure":"ha","aggregation":"sum","direction":"higher-is-better"}"""));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Theory]
    [InlineData(Roles.Reporter)]
    [InlineData(Roles.Approver)]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.Planner + "," + Roles.Auditor)]
    public async Task Given_a_role_that_may_not_change_the_catalogue_when_it_puts_an_indicator_then_it_is_a_403(string roles)
    {
        var before = await factory.EventCountAsync();

        var response = await factory.CreateClient(roles.Split(','), ["bac-kan"]).PutAsync("/api/indicators/forbidden-code",
            ApiTestSupport.Json("""{"name":"x","measure":"ha","aggregation":"sum","direction":"higher-is-better"}"""));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(before, await factory.EventCountAsync());
    }
}
