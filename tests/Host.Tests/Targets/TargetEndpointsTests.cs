using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Catalogue;
using GovReport.Host.Tests.Infrastructure;

namespace GovReport.Host.Tests.Targets;

public class TargetEndpointsTests(GovReportFactory factory) : IClassFixture<GovReportFactory>
{
    private HttpClient Planner => factory.CreateClient([Roles.Planner], [], "planner-lan");

    private async Task GivenCatalogueAsync(string unit)
    {
        await Planner.EnsureUnitAsync(unit, "district");
        await Planner.EnsureIndicatorAsync("forest-planted", "ha");
        await Planner.EnsureIndicatorAsync("budget-revenue", "tỷ đồng");
        await Planner.EnsureIndicatorAsync("population-change", "người", allowsNegative: true);
    }

    private static readonly decimal[] Phasing = [0, 0, 10, 20, 30, 30, 20, 15, 15, 10, 5, 0];

    private static object OriginalPlan => new
    {
        targets = new object[]
        {
            new { indicator = "forest-planted", value = 155m, monthly = Phasing },
            new { indicator = "budget-revenue", value = 120m },
        },
        decision = "Quyết định số 12/QĐ-UBND",
    };

    private static object RevisedPlan(string? reason) => new
    {
        targets = new object[]
        {
            new { indicator = "forest-planted", value = 170m, monthly = Phasing },
            new { indicator = "budget-revenue", value = 120m },
        },
        decision = "Quyết định số 45/QĐ-UBND",
        reason,
    };

    [Fact]
    public async Task Given_a_unit_and_indicators_when_a_planner_sets_the_plan_then_it_answers_the_plan_with_its_etag()
    {
        await GivenCatalogueAsync("plan-set");

        var response = await Planner.PutJsonAsync("/api/units/plan-set/targets/2022", OriginalPlan);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var plan = await response.ReadJsonAsync();
        Assert.Equal("plan-set", plan.GetProperty("unit").GetString());
        Assert.Equal(2022, plan.GetProperty("year").GetInt32());
        var current = plan.GetProperty("current");
        Assert.Equal(1, current.GetProperty("revision").GetInt32());
        Assert.Equal("Quyết định số 12/QĐ-UBND", current.GetProperty("decision").GetString());
        Assert.Equal("planner-lan", current.GetProperty("setBy").GetString());
        var forest = current.GetProperty("targets")[0];
        Assert.Equal("forest-planted", forest.GetProperty("indicator").GetString());
        Assert.Equal(155m, forest.GetProperty("value").GetDecimal());
        Assert.Equal(Phasing, forest.GetProperty("monthly").EnumerateArray().Select(e => e.GetDecimal()));
        Assert.False(current.GetProperty("targets")[1].TryGetProperty("monthly", out _));
        Assert.Equal(1, plan.GetProperty("revisions").GetArrayLength());

        var read = await factory.CreateClient(Roles.Reporter, "plan-set").GetAsync("/api/units/plan-set/targets/2022");
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        Assert.Equal(155m, (await read.ReadJsonAsync()).GetProperty("current").GetProperty("targets")[0].GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task Given_a_plan_when_it_is_revised_without_a_reason_then_it_is_a_400_naming_reason_and_nothing_is_appended()
    {
        await GivenCatalogueAsync("plan-noreason");
        await Planner.PutJsonAsync("/api/units/plan-noreason/targets/2022", OriginalPlan);
        var before = await factory.EventCountAsync();

        var response = await Planner.PutJsonAsync("/api/units/plan-noreason/targets/2022", RevisedPlan(null));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["reason"], ApiTestSupport.ErrorFields(problem));
        Assert.Equal(before, await factory.EventCountAsync());
    }

    [Fact]
    public async Task Given_a_plan_when_it_is_revised_with_a_reason_then_the_original_stays_visible_beside_the_revision()
    {
        await GivenCatalogueAsync("plan-revise");
        await Planner.PutJsonAsync("/api/units/plan-revise/targets/2022", OriginalPlan);

        var response = await Planner.PutJsonAsync("/api/units/plan-revise/targets/2022", RevisedPlan("Điều chỉnh kế hoạch giữa năm"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        var plan = await (await Planner.GetAsync("/api/units/plan-revise/targets/2022")).ReadJsonAsync();
        var current = plan.GetProperty("current");
        Assert.Equal(2, current.GetProperty("revision").GetInt32());
        Assert.Equal("Điều chỉnh kế hoạch giữa năm", current.GetProperty("reason").GetString());
        Assert.Equal(170m, current.GetProperty("targets")[0].GetProperty("value").GetDecimal());
        var revisions = plan.GetProperty("revisions").EnumerateArray().ToList();
        Assert.Equal([1, 2], revisions.Select(r => r.GetProperty("revision").GetInt32()));
        Assert.Equal(155m, revisions[0].GetProperty("targets")[0].GetProperty("value").GetDecimal());
        Assert.Equal("Quyết định số 12/QĐ-UBND", revisions[0].GetProperty("decision").GetString());
        Assert.Equal(JsonValueKind.Null, revisions[0].GetProperty("reason").ValueKind);
    }

    [Fact]
    public async Task Given_a_plan_and_a_revision_when_it_is_read_as_of_an_instant_between_them_then_the_original_plan_answers()
    {
        await GivenCatalogueAsync("plan-asof");
        var set = await (await Planner.PutJsonAsync("/api/units/plan-asof/targets/2022", OriginalPlan)).ReadJsonAsync();
        var setAt = set.GetProperty("current").GetProperty("setAt").GetDateTimeOffset();
        await Planner.PutJsonAsync("/api/units/plan-asof/targets/2022", RevisedPlan("Điều chỉnh"));

        var response = await Planner.GetAsync($"/api/units/plan-asof/targets/2022?asOf={Uri.EscapeDataString(setAt.ToString("O"))}");

        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var plan = await response.ReadJsonAsync();
        Assert.Equal(1, plan.GetProperty("current").GetProperty("revision").GetInt32());
        Assert.Equal(155m, plan.GetProperty("current").GetProperty("targets")[0].GetProperty("value").GetDecimal());
        Assert.Equal(1, plan.GetProperty("revisions").GetArrayLength());

        var before = await Planner.GetAsync(
            $"/api/units/plan-asof/targets/2022?asOf={Uri.EscapeDataString(setAt.AddSeconds(-1).ToString("O"))}");
        await ProblemAssert.IsProblemAsync(before, HttpStatusCode.NotFound, "plan-not-found");
    }

    [Fact]
    public async Task Given_a_revision_sent_with_an_idempotency_key_when_it_is_repeated_then_the_same_answer_returns_and_nothing_is_appended()
    {
        await GivenCatalogueAsync("plan-idem");
        await Planner.PutJsonAsync("/api/units/plan-idem/targets/2022", OriginalPlan);
        HttpRequestMessage Revision()
        {
            var request = new HttpRequestMessage(HttpMethod.Put, "/api/units/plan-idem/targets/2022")
            {
                Content = System.Net.Http.Json.JsonContent.Create(RevisedPlan("Điều chỉnh theo Nghị quyết HĐND")),
            };
            request.Headers.Add("Idempotency-Key", "revise-plan-idem-2022");
            return request;
        }

        var first = await Planner.SendAsync(Revision());
        var afterFirst = await factory.EventCountAsync();
        var repeat = await Planner.SendAsync(Revision());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await repeat.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.ETag, repeat.Headers.ETag);
        Assert.Equal(afterFirst, await factory.EventCountAsync());
        Assert.Equal(2, (await (await Planner.GetAsync("/api/units/plan-idem/targets/2022")).ReadJsonAsync())
            .GetProperty("revisions").GetArrayLength());
    }

    [Fact]
    public async Task Given_a_plan_when_the_same_targets_are_put_again_then_nothing_is_appended()
    {
        await GivenCatalogueAsync("plan-same");
        await Planner.PutJsonAsync("/api/units/plan-same/targets/2022", OriginalPlan);
        var before = await factory.EventCountAsync();

        var response = await Planner.PutJsonAsync("/api/units/plan-same/targets/2022", OriginalPlan);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal(before, await factory.EventCountAsync());
    }

    [Fact]
    public async Task Given_a_plan_when_it_is_revised_with_a_stale_if_match_then_it_is_a_412_and_nothing_is_appended()
    {
        await GivenCatalogueAsync("plan-etag");
        await Planner.PutJsonAsync("/api/units/plan-etag/targets/2022", OriginalPlan);
        await Planner.PutJsonAsync("/api/units/plan-etag/targets/2022", RevisedPlan("Lần 1"));
        var before = await factory.EventCountAsync();
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/units/plan-etag/targets/2022")
        {
            Content = System.Net.Http.Json.JsonContent.Create(OriginalPlan),
        };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));

        await ProblemAssert.IsProblemAsync(await Planner.SendAsync(request), HttpStatusCode.PreconditionFailed, "precondition-failed");
        Assert.Equal(before, await factory.EventCountAsync());
    }

    [Theory]
    [InlineData("/api/units/Bad_Unit/targets/2022", """{"targets":[{"indicator":"forest-planted","value":1}]}""", "unitId")]
    [InlineData("/api/units/plan-bad/targets/22", """{"targets":[{"indicator":"forest-planted","value":1}]}""", "year")]
    [InlineData("/api/units/plan-bad/targets/1999", """{"targets":[{"indicator":"forest-planted","value":1}]}""", "year")]
    [InlineData("/api/units/plan-bad/targets/2022", "", "body")]
    [InlineData("/api/units/plan-bad/targets/2022", "null", "body")]
    [InlineData("/api/units/plan-bad/targets/2022", """{"decision":"x"}""", "targets")]
    [InlineData("/api/units/plan-bad/targets/2022", """{"targets":[]}""", "targets")]
    [InlineData("/api/units/plan-bad/targets/2022", """{"targets":[null]}""", "targets[0]")]
    [InlineData("/api/units/plan-bad/targets/2022", """{"targets":[{"value":1}]}""", "targets[0].indicator")]
    [InlineData("/api/units/plan-bad/targets/2022", """{"targets":[{"indicator":"forest-x","value":1}]}""", "targets[0].indicator")]
    [InlineData("/api/units/plan-bad/targets/2022", """{"targets":[{"indicator":"Forest","value":1}]}""", "targets[0].indicator")]
    [InlineData("/api/units/plan-bad/targets/2022", """{"targets":[{"indicator":"forest-planted","value":1},{"indicator":"forest-planted","value":2}]}""", "targets[1].indicator")]
    [InlineData("/api/units/plan-bad/targets/2022", """{"targets":[{"indicator":"forest-planted"}]}""", "targets[0].value")]
    [InlineData("/api/units/plan-bad/targets/2022", """{"targets":[{"indicator":"forest-planted","value":"155"}]}""", "targets[0].value")]
    [InlineData("/api/units/plan-bad/targets/2022", """{"targets":[{"indicator":"forest-planted","value":1e400}]}""", "targets[0].value")]
    [InlineData("/api/units/plan-bad/targets/2022", """{"targets":[{"indicator":"forest-planted","value":-5}]}""", "targets[0].value")]
    [InlineData("/api/units/plan-bad/targets/2022", """{"targets":[{"indicator":"forest-planted","value":12,"monthly":[1,1,1,1,1,1,1,1,1,1,1]}]}""", "targets[0].monthly")]
    [InlineData("/api/units/plan-bad/targets/2022", """{"targets":[{"indicator":"forest-planted","value":12,"monthly":[1,1,1,-1,1,1,1,1,1,1,1,1]}]}""", "targets[0].monthly[3]")]
    [InlineData("/api/units/plan-bad/targets/2022", """{"targets":[{"indicator":"forest-planted","value":12,"monthly":[1,1,null,1,1,1,1,1,1,1,1,1]}]}""", "targets[0].monthly[2]")]
    [InlineData("/api/units/plan-bad/targets/2022", """{"targets":[{"indicator":"forest-planted","value":12,"monthly":[1,1,"NaN",1,1,1,1,1,1,1,1,1]}]}""", "targets[0].monthly[2]")]
    [InlineData("/api/units/plan-bad/targets/2022", """{"targets":[{"indicator":"forest-planted","value":1}],"decision":"DECISION_TOO_LONG"}""", "decision")]
    public async Task Given_a_bad_target_put_when_it_is_sent_then_it_is_a_400_naming_the_field_and_appends_nothing(
        string path, string json, string field)
    {
        await GivenCatalogueAsync("plan-bad");
        var before = await factory.EventCountAsync();

        var response = await Planner.PutAsync(path, ApiTestSupport.Json(json.Replace("DECISION_TOO_LONG", new string('q', 201))));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Contains(field, ApiTestSupport.ErrorFields(problem));
        Assert.Equal(before, await factory.EventCountAsync());
    }

    [Fact]
    public async Task Given_an_indicator_that_may_be_negative_when_its_target_is_negative_then_it_is_accepted()
    {
        await GivenCatalogueAsync("plan-negative");

        var response = await Planner.PutJsonAsync("/api/units/plan-negative/targets/2023",
            new { targets = new[] { new { indicator = "population-change", value = -120m } } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Given_no_such_unit_when_its_targets_are_put_or_read_then_it_is_a_404_and_nothing_is_appended()
    {
        await GivenCatalogueAsync("plan-known");
        var before = await factory.EventCountAsync();

        var put = await Planner.PutJsonAsync("/api/units/khong-co/targets/2022", OriginalPlan);

        await ProblemAssert.IsProblemAsync(put, HttpStatusCode.NotFound, "unit-not-found");
        Assert.Equal(before, await factory.EventCountAsync());
        await ProblemAssert.IsProblemAsync(await Planner.GetAsync("/api/units/khong-co/targets/2022"), HttpStatusCode.NotFound, "unit-not-found");
    }

    [Fact]
    public async Task Given_a_unit_without_a_plan_when_its_targets_are_read_then_it_is_plan_not_found()
    {
        await GivenCatalogueAsync("plan-none");

        await ProblemAssert.IsProblemAsync(await Planner.GetAsync("/api/units/plan-none/targets/2021"), HttpStatusCode.NotFound, "plan-not-found");
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2022-13-10T00:00:00Z")]
    public async Task Given_a_malformed_as_of_when_targets_are_read_then_it_is_a_400_naming_asOf(string asOf)
    {
        await GivenCatalogueAsync("plan-badasof");

        var response = await Planner.GetAsync($"/api/units/plan-badasof/targets/2022?asOf={Uri.EscapeDataString(asOf)}");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["asOf"], ApiTestSupport.ErrorFields(problem));
    }

    [Fact]
    public async Task Given_no_token_when_targets_are_put_or_read_then_it_is_a_401()
    {
        var anonymous = factory.CreateClient();

        await ProblemAssert.IsProblemAsync(await anonymous.PutAsync("/api/units/plan-set/targets/2022",
            ApiTestSupport.Json("""{"targets":[{"indicator":"forest-planted","value":1}]}""")), HttpStatusCode.Unauthorized, "unauthorized");
        await ProblemAssert.IsProblemAsync(await anonymous.GetAsync("/api/units/plan-set/targets/2022"), HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Theory]
    [InlineData(Roles.Reporter)]
    [InlineData(Roles.Approver)]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.Planner + "," + Roles.Auditor)]
    public async Task Given_a_role_that_may_not_set_targets_when_it_puts_a_plan_then_it_is_a_403(string roles)
    {
        await GivenCatalogueAsync("plan-forbidden");
        var before = await factory.EventCountAsync();

        var response = await factory.CreateClient(roles.Split(','), ["plan-forbidden"])
            .PutJsonAsync("/api/units/plan-forbidden/targets/2022", OriginalPlan);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(before, await factory.EventCountAsync());
    }
}
