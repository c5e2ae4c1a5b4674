using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Features.Seed;
using GovReport.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GovReport.Host.Tests.Seed;

/// <summary>The host with the demo loaded once into its own database.</summary>
public class SeededFactory : GovReportFactory
{
    public SeedResult First { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        First = await DemoSeed.RunAsync(Services, CancellationToken.None);
    }

    public async Task<long> EventCountAsync()
    {
        await using var command = Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("SELECT count(*) FROM es.events");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

public partial class DemoSeedTests(SeededFactory factory) : IClassFixture<SeededFactory>
{
    private readonly HttpClient _admin = factory.CreateClient(Roles.Admin, "bac-kan-province");

    [Fact]
    public async Task Given_a_seeded_database_when_the_seed_runs_again_then_it_appends_nothing()
    {
        Assert.Equal(24, factory.First.Units);
        Assert.Equal(26, factory.First.Indicators);
        Assert.True(factory.First.Plans >= 12);
        Assert.True(factory.First.Reports > 600);
        var before = await factory.EventCountAsync();

        var second = await DemoSeed.RunAsync(factory.Services, CancellationToken.None);

        Assert.Equal(new SeedResult(0, 0, 0, 0), second);
        Assert.Equal(before, await factory.EventCountAsync());
    }

    [Fact]
    public async Task Given_the_seed_when_the_city_august_2022_report_is_read_then_it_is_approved_with_its_narrative()
    {
        var response = await _admin.GetAsync("/api/units/bac-kan/reports/2022-08");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("approved", report.GetProperty("status").GetString());
        Assert.Contains("2.312 tỷ đồng", report.GetProperty("narrative").GetProperty("results").GetString());
    }

    [Theory]
    [InlineData("forest-planted", 175.158, 155, 113.01, "achieved")]
    [InlineData("patients-per-day", 300, 300, 100, "achieved")]
    public async Task Given_the_seed_when_the_city_ytd_to_august_2022_is_compared_then_it_matches_the_briefing(
        string indicator, decimal actual, decimal target, decimal percent, string status)
    {
        var row = await YtdRowAsync(indicator);
        Assert.Equal(actual, row.GetProperty("actual").GetDecimal());
        Assert.Equal(target, row.GetProperty("target").GetDecimal());
        Assert.Equal(percent, row.GetProperty("percentOfTarget").GetDecimal());
        Assert.Equal(status, row.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Given_the_seed_when_budget_revenue_is_compared_then_it_is_nearly_120_and_has_last_year_beside_it()
    {
        var row = await YtdRowAsync("budget-revenue");
        Assert.InRange(row.GetProperty("actual").GetDecimal(), 119m, 120m);
        Assert.Equal(103.2m, row.GetProperty("samePeriodLastYear").GetDecimal());
    }

    private async Task<JsonElement> YtdRowAsync(string indicator)
    {
        var response = await _admin.GetAsync($"/api/units/bac-kan/performance?period=2022-08&view=ytd&indicator={indicator}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return Assert.Single(body.GetProperty("rows").EnumerateArray());
    }
}
