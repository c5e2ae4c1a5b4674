using System.Net.Http.Json;
using System.Text.Json;
using GovReport.Domain.Periods;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Reports;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Restructuring;

/// <summary>
/// Comparisons across a merge for the successor and every ancestor, in every view, live and as of
/// an instant; and ratio indicators, whose parts combine before dividing. Two communes merge into a
/// ward from July 2025 under a city under a province; a third commune of the city is untouched.
/// </summary>
public sealed class AcrossTheBoundaryTests(RestructuringFactory factory) : IClassFixture<RestructuringFactory>
{
    private HttpClient Admin => factory.ClientAs(Roles.Admin);
    private HttpClient Auditor => factory.ClientAs(Roles.Auditor);

    private static Month M(int year, int month) => new(year, month);

    [Fact]
    public async Task Every_view_of_the_ward_its_city_and_its_province_counts_each_month_once_live_and_as_of()
    {
        await Admin.UnitAsync("tinh-ev", "province", null);
        await Admin.UnitAsync("tp-ev", "city", "tinh-ev");
        foreach (var unit in new[] { "xa-ev-1", "xa-ev-2", "xa-ev-3" }) await Admin.UnitAsync(unit, "commune", "tp-ev");
        await Admin.UnitAsync("phuong-ev", "ward", "tp-ev");

        // What each unit files: the merged communes every month of 2024 and to June 2025, the ward from
        // July 2025, the untouched commune in August of both years.
        var filed = new Dictionary<(string Unit, Month Month), decimal>();
        for (var m = 1; m <= 12; m++) (filed[("xa-ev-1", M(2024, m))], filed[("xa-ev-2", M(2024, m))]) = (m, 10 * m);
        for (var m = 1; m <= 6; m++) (filed[("xa-ev-1", M(2025, m))], filed[("xa-ev-2", M(2025, m))]) = (1, 2);
        (filed[("phuong-ev", M(2025, 7))], filed[("phuong-ev", M(2025, 8))]) = (40, 50);
        (filed[("xa-ev-3", M(2024, 8))], filed[("xa-ev-3", M(2025, 8))]) = (100, 300);
        foreach (var ((unit, month), value) in filed) await Admin.SubmittedAsync(unit, month.ToString(), (Forest, value));
        await Admin.RecordedAsync(new
        {
            kind = "merge", effectiveMonth = "2025-07", decision = "Nghị quyết 1683/NQ-UBTVQH15",
            predecessors = new[] { "xa-ev-1", "xa-ev-2" }, successor = "phuong-ev",
        });
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var asOf = factory.Clock.GetUtcNow().AddMinutes(-1);

        // The ward's history is its predecessors' months; the city and province add the untouched commune, once.
        var ward = new[] { "xa-ev-1", "xa-ev-2", "phuong-ev" };
        var scopes = new Dictionary<string, string[]> { ["phuong-ev"] = ward, ["tp-ev"] = [.. ward, "xa-ev-3"], ["tinh-ev"] = [.. ward, "xa-ev-3"] };
        foreach (var (scope, units) in scopes)
            foreach (var view in PerformanceViews.All)
            {
                var (from, to) = PerformanceViews.Range(view, M(2025, 8));
                decimal? Sum(int yearsBack)
                {
                    var values = filed.Where(f => units.Contains(f.Key.Unit) && f.Key.Month >= from.AddMonths(-12 * yearsBack) && f.Key.Month <= to.AddMonths(-12 * yearsBack))
                        .Select(f => f.Value).ToList();
                    return values.Count == 0 ? null : values.Sum();
                }
                foreach (var at in new DateTimeOffset?[] { null, asOf })
                {
                    var row = await Auditor.RowAsync(scope, "2025-08", view.ToApiString(), Forest, at);
                    var what = $"{scope} {view.ToApiString()} asOf={at}";
                    Assert.True((Sum(0), Sum(1)) == (row.Number("actual"), row.Number("samePeriodLastYear")),
                        $"{what}: expected {(Sum(0), Sum(1))}, got {(row.Number("actual"), row.Number("samePeriodLastYear"))}");
                    Assert.False(row.GetProperty("estimated").GetBoolean(), what);
                    Assert.True(row.GetProperty("comparable").GetBoolean(), what);
                }
            }
    }

    [Fact]
    public async Task A_ratio_across_a_merge_divides_the_predecessors_parts_added_and_across_a_split_keeps_the_rate_as_an_estimate()
    {
        foreach (var code in new[] { "rb-on-time", "rb-resolved" })
        {
            var part = await Admin.PutAsJsonAsync($"/api/indicators/{code}", new { name = $"Hồ sơ {code}", measure = "hồ sơ", aggregation = "sum", direction = "higher-is-better" });
            Assert.True(part.IsSuccessStatusCode, await part.Content.ReadAsStringAsync());
        }
        var ratio = await Admin.PutAsJsonAsync("/api/indicators/rb-rate", new
        {
            name = "Tỷ lệ hồ sơ giải quyết đúng hạn", measure = "%", aggregation = "ratio", direction = "higher-is-better",
            numerator = "rb-on-time", denominator = "rb-resolved",
        });
        Assert.True(ratio.IsSuccessStatusCode, await ratio.Content.ReadAsStringAsync());
        await Admin.UnitAsync("tp-rb", "city", null);
        foreach (var unit in new[] { "xa-rb-1", "xa-rb-2", "xa-rb-3" }) await Admin.UnitAsync(unit, "commune", "tp-rb");
        foreach (var unit in new[] { "phuong-rb", "phuong-rb-a", "phuong-rb-b" }) await Admin.UnitAsync(unit, "ward", "tp-rb");
        // July 2024: 9 of 10 and 10 of 100 on time. Together 19 of 110 (17.2727 %); the mean of the two rates would be 50 %.
        await Admin.SubmittedAsync("xa-rb-1", "2024-07", ("rb-on-time", 9m), ("rb-resolved", 10m));
        await Admin.SubmittedAsync("xa-rb-2", "2024-07", ("rb-on-time", 10m), ("rb-resolved", 100m));
        await Admin.SubmittedAsync("xa-rb-3", "2024-07", ("rb-on-time", 30m), ("rb-resolved", 40m));
        await Admin.RecordedAsync(new { kind = "merge", effectiveMonth = "2025-07", decision = "NQ 1683", predecessors = new[] { "xa-rb-1", "xa-rb-2" }, successor = "phuong-rb" });
        await Admin.RecordedAsync(new
        {
            kind = "split", effectiveMonth = "2025-07", decision = "NQ 1683", predecessor = "xa-rb-3",
            successors = new[] { new { unit = "phuong-rb-a", share = 0.3m }, new { unit = "phuong-rb-b", share = 0.7m } },
        });
        await Admin.SubmittedAsync("phuong-rb", "2025-07", ("rb-on-time", 50m), ("rb-resolved", 100m));
        await Admin.SubmittedAsync("phuong-rb-a", "2025-07", ("rb-on-time", 8m), ("rb-resolved", 10m));

        var merged = await Auditor.RowAsync("phuong-rb", "2025-07", "month", "rb-rate");
        Assert.Equal((50m, 17.2727m), (merged.Number("actual"), merged.Number("samePeriodLastYear")));
        Assert.True(merged.GetProperty("comparable").GetBoolean());
        Assert.False(merged.GetProperty("estimated").GetBoolean());

        // A split's share of 30 of 40 is 9 of 12: still 75 %, marked as the estimate it is.
        var split = await Auditor.RowAsync("phuong-rb-a", "2025-07", "month", "rb-rate");
        Assert.Equal((80m, 75m), (split.Number("actual"), split.Number("samePeriodLastYear")));
        Assert.True(split.GetProperty("estimated").GetBoolean());

        // The city: 49 of 150 last July, each commune once; 58 of 110 this July.
        var city = await Auditor.RowAsync("tp-rb", "2025-07", "month", "rb-rate");
        Assert.Equal((52.7273m, 32.6667m), (city.Number("actual"), city.Number("samePeriodLastYear")));
    }

    [Fact]
    public async Task A_split_successor_without_a_plan_takes_its_share_of_the_predecessors_and_one_with_a_plan_keeps_its_own()
    {
        await Admin.UnitAsync("tp-pd", "city", null);
        await Admin.UnitAsync("xa-pd-1", "commune", "tp-pd");
        await Admin.UnitAsync("phuong-pd-a", "ward", "tp-pd");
        await Admin.UnitAsync("phuong-pd-b", "ward", "tp-pd");
        foreach (var (unit, value) in new[] { ("xa-pd-1", 200m), ("phuong-pd-b", 90m) })
        {
            var plan = await Admin.PutAsJsonAsync($"/api/units/{unit}/targets/2025", new { targets = new[] { new { indicator = Forest, value } }, decision = "QĐ 7" });
            Assert.True(plan.IsSuccessStatusCode, await plan.Content.ReadAsStringAsync());
        }
        await Admin.RecordedAsync(new
        {
            kind = "split", effectiveMonth = "2025-07", decision = "NQ 1683", predecessor = "xa-pd-1",
            successors = new[] { new { unit = "phuong-pd-a", share = 0.25m }, new { unit = "phuong-pd-b", share = 0.75m } },
        });
        await Admin.SubmittedAsync("phuong-pd-a", "2025-07", (Forest, 10m));
        await Admin.SubmittedAsync("phuong-pd-b", "2025-07", (Forest, 30m));

        var derived = await Auditor.RowAsync("phuong-pd-a", "2025-07", "ytd", Forest);
        var own = await Auditor.RowAsync("phuong-pd-b", "2025-07", "ytd", Forest);

        Assert.Equal(50m, derived.Number("target"));
        Assert.True(derived.GetProperty("plan").GetProperty("derived").GetBoolean());
        Assert.Equal(90m, own.Number("target"));
        Assert.False(own.GetProperty("plan").GetProperty("derived").GetBoolean());
    }
}
