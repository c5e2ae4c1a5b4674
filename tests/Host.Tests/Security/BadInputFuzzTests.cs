using System.Net.Http.Headers;
using System.Text;
using GovReport.Host.Tests.Reports;
using Xunit.Abstractions;

namespace GovReport.Host.Tests.Security;

/// <summary>
/// Thousands of hostile or careless requests over every write endpoint (and the reads' parameters), from a seeded generator
/// (GOVREPORT_FUZZ_SEED replays a run; the seed is printed). Two properties: no request gets a
/// 5xx, and no rejected request appends an event.
/// </summary>
public sealed class BadInputFuzzTests(ReportsFactory factory, ITestOutputHelper output) : IClassFixture<ReportsFactory>
{
    private const int Cases = 3_000;

    [Fact]
    public async Task No_request_gets_a_server_error_and_no_rejected_request_appends()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("GOVREPORT_FUZZ_SEED"), out var s) ? s : Random.Shared.Next();
        output.WriteLine($"seed {seed} (set GOVREPORT_FUZZ_SEED to replay)");
        var input = new BadInput(seed);
        var callers = new[]
        {
            factory.ClientAs("admin"),
            factory.ClientAs("reporter", ReportTestData.Commune),
            factory.ClientAs("approver", ReportTestData.City),
            factory.ClientAs("planner"),
        };
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        for (var i = 0; i < Cases && failures.Count < 10; i++)
        {
            var (method, path, body) = Request(input);
            using var request = new HttpRequestMessage(method, path);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8);
                request.Content.Headers.Remove("Content-Type");
                request.Content.Headers.TryAddWithoutValidation("Content-Type",
                    input.Chance(0.95) ? "application/json" : input.Pick(["text/plain", "application/xml", "application/json; charset=latin1", "application/json; charset=\"", ""]));
            }
            if (input.Chance(0.15)) request.Headers.TryAddWithoutValidation("If-Match", input.Pick(["W/\"1\"", "\"1\"", "\"abc\"", "\"99999999999999999999\"", "*", "\"-1\"", ""]));
            if (input.Chance(0.15)) request.Headers.TryAddWithoutValidation("Idempotency-Key", input.Pick(["k1", "", new string('k', 5_000), "ключ", Guid.NewGuid().ToString()]));

            var before = await factory.EventCountAsync();
            // Mostly the admin, whom no role check stops, so that the input checks are what answers.
            using var response = await (input.Chance(0.7) ? callers[0] : input.Pick(callers)).SendAsync(request);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var appended = await factory.EventCountAsync() - before;
            if (status >= 500 || (status >= 400 && appended != 0))
                failures.Add($"{method} {Shorten(path)} {Shorten(body)} -> {status}, {appended} events appended: {Shorten(await response.Content.ReadAsStringAsync())}");
        }
        output.WriteLine($"statuses: {string.Join(", ", statuses.Select(p => $"{p.Key} x{p.Value}"))}");
        Assert.True(failures.Count == 0, $"seed {seed}:\n" + string.Join("\n", failures));
        // What was accepted must not poison the projections: a comparison over everything written still catches up.
        using var after = await callers[0].GetAsync($"/api/units/{ReportTestData.City}/performance?period=2022-08&view=ytd");
        var freshness = System.Text.Json.JsonDocument.Parse(await after.Content.ReadAsStringAsync()).RootElement;
        Assert.True(after.IsSuccessStatusCode, $"seed {seed}: {freshness}");
        Assert.True(freshness.GetProperty("freshness").GetProperty("caughtUp").GetBoolean(), $"seed {seed}: {freshness}");
        // The generator must reach past the first checks: some requests are accepted, most are not.
        Assert.Contains(statuses.Keys, k => k is >= 200 and < 300);
        Assert.True(statuses.Where(p => p.Key is >= 400 and < 500).Sum(p => p.Value) > Cases / 2);
    }

    private static (HttpMethod, string, string?) Request(BadInput input) => input.Chance(0.2) ? Read(input) : Write(input);

    /// <summary>Reads append nothing, but their parameters reach the same parsers and the arithmetic.</summary>
    private static (HttpMethod, string, string?) Read(BadInput input)
    {
        string Q(string value) => Uri.EscapeDataString(value);
        var path = input.Pick<Func<string>>(
        [
            () => $"/api/units/{input.PathSegment(input.Slug())}/performance?period={Q(input.Month())}&view={Q(input.Pick(["ytd", "month", "quarter", "half", "nine-months", "year", "quarter-to-date", "decade", ""]))}" +
                  (input.Chance(0.3) ? $"&asOf={Q(input.Pick(["2022-09-10T00:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "yesterday", "2022-09-10"]))}" : "") +
                  (input.Chance(0.3) ? $"&indicator={Q(input.Slug())}" : ""),
            () => $"/api/reporting-status?period={Q(input.Month())}" + (input.Chance(0.5) ? $"&scope={Q(input.Slug())}" : ""),
            () => $"/api/periods/{input.PathSegment(input.Month())}",
            () => $"/api/summaries?scope={Q(input.Slug())}&period={Q(input.Month())}",
            () => $"/api/audit/history?unit={Q(input.Slug())}&indicator={Q(input.Slug())}&period={Q(input.Month())}",
            () => $"/api/units/{input.PathSegment(input.Slug())}/targets/{input.PathSegment(input.Year())}",
        ])();
        return (HttpMethod.Get, path, null);
    }

    private static (HttpMethod, string, string?) Write(BadInput input)
    {
        var unit = input.PathSegment(input.Chance(0.6) ? ReportTestData.Commune : input.Slug());
        var month = input.PathSegment(input.Month());
        var report = $"/api/units/{unit}/reports/{month}";
        return input.Pick<Func<(HttpMethod, string, string?)>>(
        [
            () => (HttpMethod.Put, $"/api/units/{input.PathSegment(input.Slug())}", Body(input, () => input.Object(
            [
                input.Field("name", input.Text), input.Field("kind", () => BadInput.Json(input.Pick(["commune", "ward", "province", "city", "village", ""]))),
                input.Field("parentId", () => BadInput.Json(input.Slug())), input.Field("block", () => BadInput.Json(input.Slug())),
            ]))),
            () => (HttpMethod.Put, $"/api/indicators/{input.PathSegment(input.Slug())}", Body(input, () => input.Object(
            [
                input.Field("name", input.Text), input.Field("measure", () => BadInput.Json(input.Pick(["ha", "%", "tỷ đồng", ""]))),
                input.Field("aggregation", () => BadInput.Json(input.Pick(["sum", "average", "per-day", "last", "ratio", "median"]))),
                input.Field("direction", () => BadInput.Json(input.Pick(["higher-is-better", "lower-is-better", "sideways"]))),
                input.Field("sector", input.Text), input.Field("minValue", input.Number), input.Field("maxValue", input.Number),
            ]))),
            () => (HttpMethod.Put, $"/api/units/{unit}/targets/{input.PathSegment(input.Year())}", Body(input, () => input.Object(
            [
                input.Field("targets", () => input.Array(3, () => input.Object(
                [
                    input.Field("indicator", () => BadInput.Json(input.Slug())), input.Field("value", input.Number),
                    input.Field("monthly", () => input.Array(13, input.Number)),
                ]))),
                input.Field("decision", input.Text), input.Field("reason", input.Text),
            ]))),
            () => (HttpMethod.Put, report, Body(input, () => Figures(input))),
            () => (HttpMethod.Post, $"{report}/submit", input.Chance(0.3) ? null : Body(input, () => Figures(input))),
            () => (HttpMethod.Post, $"{report}/return", Body(input, () => input.Object([input.Field("reason", input.Text)]))),
            () => (HttpMethod.Post, $"{report}/approve", input.Chance(0.7) ? null : Body(input, input.Malformed)),
            () => (HttpMethod.Post, $"{report}/corrections", Body(input, () => input.Object(
                [input.Field("values", () => Values(input)), input.Field("reason", input.Text)]))),
            () => (HttpMethod.Post, "/api/summaries", Body(input, () => input.Object(
                [input.Field("scope", () => BadInput.Json(input.Slug())), input.Field("period", () => BadInput.Json(input.Month()))]))),
        ])();
    }

    private static string Body(BadInput input, Func<string> wellFormed) => input.Chance(0.1) ? input.Malformed() : wellFormed();

    private static string Figures(BadInput input) => input.Object(
    [
        input.Field("values", () => Values(input)),
        input.Field("narrative", () => input.Object([input.Field("results", input.Text), input.Field("difficulties", input.Text), input.Field("proposals", input.Text)])),
    ]);

    private static string Values(BadInput input) => input.Array(4, () => input.Object(
    [
        input.Field("indicator", () => BadInput.Json(input.Chance(0.7) ? input.Pick([ReportTestData.Forest, ReportTestData.Patients, ReportTestData.Poverty]) : input.Slug())),
        input.Field("value", input.Number),
    ]));

    private static string Shorten(string? text) => text is null ? "(no body)" : text.Length <= 300 ? text : text[..300] + "…";
}
