using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovReport.Domain;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Targets;
using GovReport.EventStore;
using GovReport.Host.Infrastructure.Idempotency;
using GovReport.Host.Infrastructure.Writes;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Features.Summaries;
using GovReport.Host.Tests.Reports;
using Microsoft.Extensions.DependencyInjection;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Summaries;

/// <summary>
/// The reports host with the scheduler's own loop off: tests move the clock and call
/// <see cref="SummaryScheduler.RunOnceAsync"/> themselves, so nothing publishes behind their back.
/// </summary>
public class SummariesFactory : ReportsFactory
{
    public SummaryScheduler Scheduler => Services.GetRequiredService<SummaryScheduler>();

    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        base.ConfigureSettings(settings);
        settings["Summaries:Enabled"] = "false";
    }

    /// <summary>The city's 2022 plan of 155 ha and August's forest planted, 100.158 + 75 = 175.158 ha.</summary>
    public async Task SeedAugustAsync()
    {
        var commands = Services.GetRequiredService<StreamCommands>();
        var plan = new SetAnnualTargets(new UnitId(City), 2022, [new TargetLine(new IndicatorCode(Forest), 155m)],
            "QĐ 01/2022", null, "planner", Today);
        var outcome = await commands.ExecuteAsync(StreamIds.Plan(plan.Unit, 2022), null, PlanDecider.Decider, plan, new EventMetadata("test-seed", "test"), default);
        Assert.True(outcome.Succeeded, outcome.Error?.Message);

        await Submit(ClientAs(Roles.Reporter, Commune), Commune, (Forest, 100.158m));
        await Submit(ClientAs(Roles.Reporter, OtherCommune), OtherCommune, (Forest, 75m));
    }

    private static async Task Submit(HttpClient client, string unit, params (string, decimal)[] values)
    {
        var response = await client.SubmitAsync(unit, "2022-08", values);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// The city level's deadline in the default calendar (calendar months, 10 working days, no
    /// holidays configured), written out by hand from DOMAIN.md's rule rather than asked of the
    /// host: August 2022 closes Wednesday 31 August, so its tenth working day is Wednesday 14 September.
    /// </summary>
    public static readonly IReadOnlyDictionary<Month, DateOnly> CityDeadline = new Dictionary<Month, DateOnly>
    {
        [new Month(2022, 8)] = new(2022, 9, 14),
        [new Month(2022, 9)] = new(2022, 10, 14),
        [new Month(2022, 10)] = new(2022, 11, 14),
        [new Month(2022, 11)] = new(2022, 12, 14),
        [new Month(2022, 12)] = new(2023, 1, 13),
        [new Month(2023, 1)] = new(2023, 2, 14),
        [new Month(2023, 2)] = new(2023, 3, 14),
        [new Month(2023, 3)] = new(2023, 4, 14),
        [new Month(2023, 4)] = new(2023, 5, 12),
        [new Month(2023, 5)] = new(2023, 6, 14),
    };

    /// <summary>The first day after the month's deadline for the city level, 08:00 UTC (15:00 in Vietnam).</summary>
    public static DateTimeOffset AfterDeadline(Month month) => InVietnam(CityDeadline[month].AddDays(1), new TimeOnly(15, 0));

    /// <summary>A wall-clock time in Vietnam (UTC+7, no daylight saving) as the instant the host's clock holds.</summary>
    public static DateTimeOffset InVietnam(DateOnly day, TimeOnly time) =>
        new DateTimeOffset(day.ToDateTime(time), TimeSpan.FromHours(7)).ToUniversalTime();
}

internal static class SummaryRequests
{
    public static async Task<JsonElement> JsonAsync(this Task<HttpResponseMessage> pending, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await pending;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static Task<JsonElement> ListAsync(this HttpClient client, string scope, string? period = null) =>
        client.GetAsync($"/api/summaries?scope={scope}" + (period is null ? "" : $"&period={period}")).JsonAsync();

    public static Task<HttpResponseMessage> PublishAsync(this HttpClient client, string scope, string period) =>
        client.PostAsJsonAsync("/api/summaries", new { scope, period });

    public static IEnumerable<string> Lines(this JsonElement summary) =>
        summary.GetProperty("lines").EnumerateArray().Select(l => l.GetString()!);

    public static JsonElement Row(this JsonElement summary, string view, string indicator) =>
        summary.GetProperty("views").EnumerateArray().Single(v => v.GetProperty("view").GetString() == view)
            .GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("indicator").GetString() == indicator);
}
