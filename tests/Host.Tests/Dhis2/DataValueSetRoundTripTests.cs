using System.Net.Http.Json;
using System.Text.Json;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Security;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Dhis2;

/// <summary>What one deployment exports, another imports: its comparisons come out the same.</summary>
public sealed class DataValueSetRoundTripTests(Dhis2ExportFactory source) : IClassFixture<Dhis2ExportFactory>
{
    [Theory]
    [InlineData("application/json")]
    [InlineData("application/adx+xml")]
    public async Task Export_then_import_into_an_empty_database_gives_identical_comparisons(string format)
    {
        // A target of its own per format, started after the source is ready: each import starts from nothing.
        var target = new Dhis2RoundTripTargetFactory();
        await target.InitializeAsync();
        try
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"{Dhis2Requests.Path}?period=2022&orgUnit={City}&children=true");
            request.Headers.Accept.ParseAdd(format);
            var response = await source.ClientAs(Roles.Auditor).SendAsync(request);
            Assert.Equal("true", response.Headers.GetValues("X-Read-Models-Caught-Up").Single());
            var exported = await response.Content.ReadAsStringAsync();

            var answer = await target.ClientAs(Roles.Admin).PostAsync(exported, format);

            Assert.True(answer.Counts() == (7, 0, 0, 0), $"{answer.Body}\n{exported}");
            await target.CaughtUpAsync();
            foreach (var (unit, view) in new[] { (City, "ytd"), (City, "month"), (City, "quarter"), (Commune, "ytd"), (OtherCommune, "month") })
            {
                var path = $"/api/units/{unit}/performance?period=2022-08&view={view}";
                Assert.Equal(Rows(await source.ClientAs(Roles.Auditor).GetFromJsonAsync<JsonElement>(path)),
                    Rows(await target.ClientAs(Roles.Auditor).GetFromJsonAsync<JsonElement>(path)));
            }
            var reexported = await target.ClientAs(Roles.Auditor).ExportAsync($"period=2022&orgUnit={City}&children=true");
            Assert.Equal((await source.ClientAs(Roles.Auditor).ExportAsync($"period=2022&orgUnit={City}&children=true")).Values(), reexported.Values());
        }
        finally
        {
            await ((IAsyncLifetime)target).DisposeAsync();
        }
    }

    private static string Rows(JsonElement performance) => performance.GetProperty("rows").GetRawText();
}
