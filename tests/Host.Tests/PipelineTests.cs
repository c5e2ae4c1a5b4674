using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Infrastructure;

namespace GovReport.Host.Tests;

public class PipelineTests(TestEndpointsFactory factory) : IClassFixture<TestEndpointsFactory>
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task The_token_claims_become_the_current_user()
    {
        var client = factory.CreateClient([Roles.Reporter, Roles.Approver], ["cho-don", "bac-kan"], "nguyen");

        var json = await client.GetFromJsonAsync<JsonElement>("/api/test/me");

        Assert.Equal("nguyen", json.GetProperty("subject").GetString());
        Assert.Equal(["approver", "reporter"], json.GetProperty("roles").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["bac-kan", "cho-don"], json.GetProperty("units").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_role_without_the_policy_is_forbidden_with_a_problem()
    {
        var response = await factory.CreateClient(Roles.Reporter, "bac-kan").GetAsync("/api/test/catalogue");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient(Roles.Planner).GetAsync("/api/test/catalogue")).StatusCode);
    }

    [Fact]
    public async Task Json_is_camel_case_with_kebab_case_enums()
    {
        var response = await factory.CreateClient(Roles.Admin)
            .PostAsync("/api/test/echo", Json("""{"name":"a","value":3,"colour":"dark-green"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"name":"a","value":3,"colour":"dark-green"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Malformed_json_is_a_validation_problem()
    {
        var response = await factory.CreateClient(Roles.Admin).PostAsync("/api/test/echo", Json("""{"name":"a","value":"""));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").EnumerateObject().Any());
    }

    [Fact]
    public async Task A_wrong_json_type_names_the_field()
    {
        var response = await factory.CreateClient(Roles.Admin)
            .PostAsync("/api/test/echo", Json("""{"name":"a","value":"three","colour":"red"}"""));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("value", out var messages));
        Assert.NotEmpty(messages.EnumerateArray());
    }

    [Fact]
    public async Task An_unknown_enum_value_names_the_field()
    {
        var response = await factory.CreateClient(Roles.Admin)
            .PostAsync("/api/test/echo", Json("""{"name":"a","value":1,"colour":"blue"}"""));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("colour", out _));
    }

    [Fact]
    public async Task A_bad_query_value_names_the_parameter()
    {
        var response = await factory.CreateClient(Roles.Admin).GetAsync("/api/test/page?size=big");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("size", out _));
    }

    [Fact]
    public async Task A_missing_body_is_a_validation_problem()
    {
        var response = await factory.CreateClient(Roles.Admin).PostAsync("/api/test/echo", Json(""));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task A_wrong_content_type_is_a_415_problem()
    {
        var response = await factory.CreateClient(Roles.Admin)
            .PostAsync("/api/test/echo", new StringContent("name=a", Encoding.UTF8, "text/plain"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_wrong_method_is_a_405_problem()
    {
        var response = await factory.CreateClient(Roles.Admin).DeleteAsync("/api/test/echo");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.MethodNotAllowed, "method-not-allowed");
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem_even_for_a_csv_client()
    {
        var client = factory.CreateClient(Roles.Admin);
        client.DefaultRequestHeaders.Accept.ParseAdd("text/csv");

        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/no-such-thing"), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task An_unhandled_exception_is_a_500_problem()
    {
        var response = await factory.CreateClient(Roles.Admin).GetAsync("/api/test/boom");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.InternalServerError, "internal");
        Assert.DoesNotContain("   at ", problem.GetRawText());
    }

    [Fact]
    public async Task Feature_problems_carry_their_code_and_errors()
    {
        var client = factory.CreateClient(Roles.Admin);

        var conflict = await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/test/conflict"), HttpStatusCode.Conflict, "report-already-approved");
        var invalid = await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/test/invalid"), HttpStatusCode.BadRequest, "validation");

        Assert.Equal("https://govreport.dev/problems/report-already-approved", conflict.GetProperty("type").GetString());
        Assert.Equal("Unknown indicator 'forest-x'.", invalid.GetProperty("errors").GetProperty("values[0].indicator")[0].GetString());
    }

    [Fact]
    public async Task Correlation_id_is_echoed_and_reaches_the_request_context()
    {
        var client = factory.CreateClient(Roles.Auditor);
        client.DefaultRequestHeaders.Add("X-Correlation-Id", "import-2022.08_run-7");

        var response = await client.GetAsync("/api/test/me");

        Assert.Equal("import-2022.08_run-7", response.Headers.GetValues("X-Correlation-Id").Single());
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("import-2022.08_run-7", json.GetProperty("correlationId").GetString());
    }

    [Theory]
    [InlineData("has spaces")]
    [InlineData("semi;colon")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task An_unsafe_correlation_id_is_replaced_by_the_trace_id(string unsafeId)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("X-Correlation-Id", unsafeId);

        var response = await client.GetAsync("/health/live");

        var echoed = response.Headers.GetValues("X-Correlation-Id").Single();
        Assert.NotEqual(unsafeId, echoed);
        Assert.Matches("^[0-9a-f]{32}$", echoed);
    }

    [Fact]
    public async Task Errors_carry_the_correlation_id_too()
    {
        var client = factory.CreateClient(Roles.Admin);
        client.DefaultRequestHeaders.Add("X-Correlation-Id", "boom-1");

        var response = await client.GetAsync("/api/test/boom");

        Assert.Equal("boom-1", response.Headers.GetValues("X-Correlation-Id").Single());
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.Equal("boom-1", problem.GetProperty("correlationId").GetString());
    }
}
