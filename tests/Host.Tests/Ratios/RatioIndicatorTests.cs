using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Infrastructure;
using GovReport.Host.Tests.Reports;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Ratios;

/// <summary>
/// Ratio indicators through the API (API.md "Ratios, plan baselines"): defined over two reported
/// indicators, never reported themselves, and compared as scale × Σ numerator / Σ denominator.
/// The figures are chosen so the mean of the communes' rates differs from the city's rate.
/// </summary>
public sealed class RatioIndicatorTests(ReportsFactory factory) : IClassFixture<ReportsFactory>
{
    private HttpClient Admin => factory.ClientAs(Roles.Admin);

    private async Task PartsAsync(string numerator, string denominator)
    {
        foreach (var code in new[] { numerator, denominator })
        {
            var response = await Admin.PutAsJsonAsync($"/api/indicators/{code}",
                new { name = $"Hồ sơ {code}", measure = "hồ sơ", aggregation = "sum", direction = "higher-is-better" });
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    private Task<HttpResponseMessage> PutRatioAsync(string code, object body) => Admin.PutAsJsonAsync($"/api/indicators/{code}", body);

    private static object Ratio(string? numerator, string? denominator, decimal? scale = null) => new
    {
        name = "Tỷ lệ hồ sơ giải quyết đúng hạn", measure = "%", aggregation = "ratio", direction = "higher-is-better",
        numerator, denominator, scale,
    };

    private async Task<JsonElement> RowAsync(string unit, string period, string view, string indicator)
    {
        var response = await factory.ClientAs(Roles.Auditor).GetAsync($"/api/units/{unit}/performance?period={period}&view={view}&indicator={indicator}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return Assert.Single(JsonDocument.Parse(body).RootElement.GetProperty("rows").EnumerateArray()).Clone();
    }

    private async Task SubmitAsync(string unit, string month, params (string, decimal)[] values)
    {
        var response = await Admin.SubmitAsync(unit, month, values);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_ratio_is_defined_over_two_reported_indicators_and_listed_with_its_parts()
    {
        await PartsAsync("def-on-time", "def-resolved");

        var put = await PutRatioAsync("def-rate", Ratio("def-on-time", "def-resolved"));
        var view = await put.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal(("ratio", "def-on-time", "def-resolved", 100m), (view.GetProperty("aggregation").GetString(),
            view.GetProperty("numerator").GetString(), view.GetProperty("denominator").GetString(), view.GetProperty("scale").GetDecimal()));

        var catalogue = await (await Admin.GetAsync("/api/indicators")).Content.ReadFromJsonAsync<JsonElement>();
        var listed = catalogue.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "def-rate");
        Assert.Equal(("def-on-time", "def-resolved", 100m),
            (listed.GetProperty("numerator").GetString(), listed.GetProperty("denominator").GetString(), listed.GetProperty("scale").GetDecimal()));
        var reported = catalogue.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "def-resolved");
        Assert.False(reported.TryGetProperty("numerator", out _));
    }

    [Theory]
    [InlineData("val-nowhere", "val-resolved", null, "numerator")]
    [InlineData("val-on-time", "val-nowhere", null, "denominator")]
    [InlineData("val-on-time", null, null, "denominator")]
    [InlineData(null, "val-resolved", null, "numerator")]
    [InlineData("val-on-time", "val-resolved", "0", "scale")]
    [InlineData("val-on-time", "val-resolved", "-5", "scale")]
    [InlineData("val-rate", "val-resolved", null, "numerator")]
    [InlineData("val-on-time", "val-new-rate", null, "denominator")]
    public async Task A_bad_ratio_is_400_naming_the_field_and_records_nothing(string? numerator, string? denominator, string? scale, string field)
    {
        await PartsAsync("val-on-time", "val-resolved");
        var rate = await PutRatioAsync("val-rate", Ratio("val-on-time", "val-resolved"));
        Assert.True(rate.IsSuccessStatusCode, await rate.Content.ReadAsStringAsync());
        var before = await factory.EventCountAsync();

        var response = await PutRatioAsync("val-new-rate", Ratio(numerator, denominator, scale is null ? null : decimal.Parse(scale)));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(before, await factory.EventCountAsync());
    }

    [Fact]
    public async Task A_part_of_a_ratio_cannot_become_a_ratio_and_parts_need_aggregation_ratio()
    {
        await PartsAsync("cyc-on-time", "cyc-resolved");
        Assert.True((await PutRatioAsync("cyc-rate", Ratio("cyc-on-time", "cyc-resolved"))).IsSuccessStatusCode);

        var cycle = await PutRatioAsync("cyc-on-time", Ratio("cyc-resolved", "cyc-rate"));
        await ProblemAssert.IsProblemAsync(cycle, HttpStatusCode.BadRequest);

        var partsOnSum = await Admin.PutAsJsonAsync("/api/indicators/cyc-sum",
            new { name = "Tổng", measure = "hồ sơ", aggregation = "sum", direction = "higher-is-better", numerator = "cyc-on-time", denominator = "cyc-resolved" });
        var problem = await ProblemAssert.IsProblemAsync(partsOnSum, HttpStatusCode.BadRequest);
        Assert.Contains("numerator", problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_report_giving_a_ratio_directly_is_400_computed_indicator()
    {
        await PartsAsync("rep-on-time", "rep-resolved");
        Assert.True((await PutRatioAsync("rep-rate", Ratio("rep-on-time", "rep-resolved"))).IsSuccessStatusCode);

        var response = await Admin.SubmitAsync(Commune, "2022-05", ("rep-rate", 90m));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "computed-indicator");
        Assert.Contains("values[0].indicator", problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Rows_are_sums_of_parts_divided_for_a_commune_a_city_and_year_to_date()
    {
        await PartsAsync("row-on-time", "row-resolved");
        Assert.True((await PutRatioAsync("row-rate", Ratio("row-on-time", "row-resolved"))).IsSuccessStatusCode);
        var plan = await Admin.PutAsJsonAsync($"/api/units/{City}/targets/2022", new { targets = new[] { new { indicator = "row-rate", value = 50m } } });
        Assert.True(plan.IsSuccessStatusCode, await plan.Content.ReadAsStringAsync());

        // Nông Thượng: July 9 of 10 on time, August 1 of 30; Dương Quang: July 10 of 100, August 50 of 100.
        await SubmitAsync(Commune, "2021-08", ("row-on-time", 3m), ("row-resolved", 4m));
        await SubmitAsync(Commune, "2022-07", ("row-on-time", 9m), ("row-resolved", 10m));
        await SubmitAsync(Commune, "2022-08", ("row-on-time", 1m), ("row-resolved", 30m));
        await SubmitAsync(OtherCommune, "2022-07", ("row-on-time", 10m), ("row-resolved", 100m));
        await SubmitAsync(OtherCommune, "2022-08", ("row-on-time", 50m), ("row-resolved", 100m));

        var communeAugust = await RowAsync(Commune, "2022-08", "month", "row-rate");
        Assert.Equal(("ratio", 3.3333m, 75m, 1), (communeAugust.GetProperty("aggregation").GetString(), communeAugust.GetProperty("actual").GetDecimal(),
            communeAugust.GetProperty("samePeriodLastYear").GetDecimal(), communeAugust.GetProperty("reportedMonths").GetInt32()));

        // The commune's year to date: (9 + 1) / (10 + 30) = 25 %, not the mean of 90 % and 3.33 % (46.67 %).
        Assert.Equal(25m, (await RowAsync(Commune, "2022-08", "ytd", "row-rate")).GetProperty("actual").GetDecimal());

        // The city in July: 19 of 110 = 17.2727 %, where the mean of its communes' rates would be 50 %.
        var cityJuly = await RowAsync(City, "2022-07", "month", "row-rate");
        Assert.Equal(17.2727m, cityJuly.GetProperty("actual").GetDecimal());
        Assert.Equal(50m, cityJuly.GetProperty("target").GetDecimal());
        Assert.Equal(34.55m, cityJuly.GetProperty("percentOfTarget").GetDecimal());
        Assert.Equal("behind", cityJuly.GetProperty("status").GetString());

        // Year to date: 70 of 240 = 29.1667 %; the mean of the four monthly rates would be 38.33 %.
        var cityYtd = await RowAsync(City, "2022-08", "ytd", "row-rate");
        Assert.Equal((29.1667m, 2), (cityYtd.GetProperty("actual").GetDecimal(), cityYtd.GetProperty("reportedMonths").GetInt32()));
    }

    [Fact]
    public async Task A_zero_denominator_gives_no_figure()
    {
        await PartsAsync("zero-on-time", "zero-resolved");
        Assert.True((await PutRatioAsync("zero-rate", Ratio("zero-on-time", "zero-resolved"))).IsSuccessStatusCode);
        await SubmitAsync(OtherCity, "2022-06", ("zero-on-time", 0m), ("zero-resolved", 0m));

        var row = await RowAsync(OtherCity, "2022-06", "month", "zero-rate");
        Assert.Equal(JsonValueKind.Null, row.GetProperty("actual").ValueKind);
    }
}
