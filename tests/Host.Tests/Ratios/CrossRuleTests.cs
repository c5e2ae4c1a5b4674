using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Reports;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Ratios;

/// <summary>Cross-indicator rules declared in the catalogue (atMost): validated on PUT, shown on GET, a warning at submission.</summary>
public sealed class CrossRuleTests(ReportsFactory factory) : IClassFixture<ReportsFactory>
{
    private HttpClient Admin => factory.ClientAs(Roles.Admin);

    private Task<HttpResponseMessage> PutAsync(string code, string[]? atMost) =>
        Admin.PutAsJsonAsync($"/api/indicators/{code}", new { name = code, measure = "hồ sơ", aggregation = "sum", direction = "higher-is-better", atMost });

    [Fact]
    public async Task A_rule_naming_known_codes_is_kept_and_shown_and_a_breach_is_a_warning_not_a_refusal()
    {
        Assert.True((await PutAsync("rule-received", null)).IsSuccessStatusCode);
        var put = await PutAsync("rule-resolved", ["rule-received"]);
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());

        var resolved = await Admin.GetFromJsonAsync<JsonElement>("/api/indicators/rule-resolved");
        Assert.Equal(["rule-received"], resolved.GetProperty("atMost").EnumerateArray().Select(c => c.GetString()!).ToArray());

        var submitted = await Admin.SubmitAsync(Commune, "2022-04", ("rule-received", 90m), ("rule-resolved", 100m));

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var report = await submitted.Content.ReadFromJsonAsync<JsonElement>();
        var warning = Assert.Single(report.GetProperty("warnings").EnumerateArray());
        Assert.Equal(("rule-resolved", "above-related-indicator"), (warning.GetProperty("indicator").GetString(), warning.GetProperty("code").GetString()));
    }

    [Theory]
    [InlineData("rule-self", "rule-self")]
    [InlineData("rule-unknown", "no-such-indicator")]
    [InlineData("rule-bad", "Not A Code")]
    public async Task A_rule_naming_itself_an_unknown_or_a_malformed_code_is_a_400_and_changes_nothing(string code, string other)
    {
        var put = await PutAsync(code, [other]);

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Contains("atMost", await put.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync($"/api/indicators/{code}")).StatusCode);
    }

    [Fact]
    public async Task Rules_are_bounded()
    {
        var put = await PutAsync("rule-many", Enumerable.Range(1, 11).Select(i => $"other-{i}").ToArray());

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
    }
}
