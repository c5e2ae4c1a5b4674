using System.Net;
using System.Text.Json;
using GovReport.Host.Tests.Infrastructure;

namespace GovReport.Host.Tests;

public class HealthTests(GovReportFactory factory) : IClassFixture<GovReportFactory>
{
    [Fact]
    public async Task Live_answers_without_a_token()
    {
        var response = await factory.CreateClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("live", json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_when_the_database_answers()
    {
        var response = await factory.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ready", json.GetProperty("status").GetString());
        var database = json.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "database");
        Assert.True(database.GetProperty("ready").GetBoolean());
    }
}

public class HealthWithoutDatabaseTests(HealthWithoutDatabaseTests.UnreachableDatabaseFactory factory)
    : IClassFixture<HealthWithoutDatabaseTests.UnreachableDatabaseFactory>
{
    public sealed class UnreachableDatabaseFactory : GovReportFactory
    {
        protected override void ConfigureSettings(IDictionary<string, string?> settings) =>
            settings["ConnectionStrings:GovReport"] = "Host=127.0.0.1;Port=1;Username=govreport;Password=govreport;Database=govreport;Timeout=2";
    }

    [Fact]
    public async Task Not_ready_when_the_database_is_unreachable_but_still_live()
    {
        var client = factory.CreateClient();

        var ready = await client.GetAsync("/health/ready");
        var live = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var json = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("not-ready", json.GetProperty("status").GetString());
        var database = json.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "database");
        Assert.False(database.GetProperty("ready").GetBoolean());
        // The reason is the database's error text: for operators only (see Security/HealthDetailTests).
        Assert.Equal(JsonValueKind.Null, database.GetProperty("detail").ValueKind);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
