using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Reports;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Ratios;

/// <summary>Data-quality warnings: never a refusal, recorded with the submission and shown on the report.</summary>
public sealed class FigureWarningTests(ReportsFactory factory) : IClassFixture<ReportsFactory>
{
    private HttpClient Admin => factory.ClientAs(Roles.Admin);

    private async Task<JsonElement> SubmitAsync(string unit, string month, params (string, decimal)[] values)
    {
        var response = await Admin.SubmitAsync(unit, month, values);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static (string, string)[] Warnings(JsonElement report) =>
        report.GetProperty("warnings").EnumerateArray().Select(w => (w.GetProperty("indicator").GetString()!, w.GetProperty("code").GetString()!)).ToArray();

    [Fact]
    public async Task An_outlier_is_saved_with_a_warning_the_report_shows()
    {
        for (var m = 1; m <= 6; m++) await SubmitAsync(Commune, $"2022-0{m}", (Forest, 10m + m % 3));

        var submitted = await SubmitAsync(Commune, "2022-07", (Forest, 500m));

        Assert.Equal([(Forest, "outlier")], Warnings(submitted));
        var read = await Admin.GetReportAsync(Commune, "2022-07").ReportAsync();
        Assert.Equal([(Forest, "outlier")], Warnings(read));
        Assert.Equal(500m, read.ValueOf(Forest));
        var clean = await Admin.GetReportAsync(Commune, "2022-06").ReportAsync();
        Assert.Empty(Warnings(clean));
    }

    [Fact]
    public async Task A_missing_month_and_a_numerator_above_its_denominator_are_warnings()
    {
        foreach (var code in new[] { "warn-on-time", "warn-resolved" })
            Assert.True((await Admin.PutAsJsonAsync($"/api/indicators/{code}",
                new { name = code, measure = "hồ sơ", aggregation = "sum", direction = "higher-is-better" })).IsSuccessStatusCode);
        Assert.True((await Admin.PutAsJsonAsync("/api/indicators/warn-rate", new
        {
            name = "Tỷ lệ đúng hạn", measure = "%", aggregation = "ratio", direction = "higher-is-better",
            numerator = "warn-on-time", denominator = "warn-resolved",
        })).IsSuccessStatusCode);

        await SubmitAsync(OtherCommune, "2022-03", (Forest, 10m));
        var withGap = await SubmitAsync(OtherCommune, "2022-05", (Forest, 10m), ("warn-on-time", 12m), ("warn-resolved", 10m));

        Assert.Equal([(Forest, "missing-month"), ("warn-on-time", "numerator-above-denominator")], Warnings(withGap));
    }
}
