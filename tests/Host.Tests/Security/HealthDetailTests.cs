using System.Net;
using System.Text.Json;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Infrastructure;

namespace GovReport.Host.Tests.Security;

/// <summary>
/// Finding 11: /health/ready showed anonymous callers the database's error text. Anonymous
/// callers (and roles that do not operate the service) see check names and statuses only;
/// admins and auditors see the detail.
/// </summary>
public class HealthDetailTests(HealthDetailTests.WrongPasswordFactory factory) : IClassFixture<HealthDetailTests.WrongPasswordFactory>
{
    private const string Secret = "wrong-password-for-health-detail";

    public sealed class WrongPasswordFactory : GovReportFactory
    {
        protected override void ConfigureSettings(IDictionary<string, string?> settings)
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(Database.ConnectionString)
                { Username = "govreport_health_probe_nobody", Password = Secret, Timeout = 3 };
            settings["ConnectionStrings:GovReport"] = builder.ConnectionString;
        }
    }

    private static async Task<JsonElement> DatabaseCheckAsync(HttpClient client)
    {
        var response = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return json.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "database");
    }

    [Fact]
    public async Task Given_a_failing_database_when_an_anonymous_caller_asks_then_only_the_name_and_status_show()
    {
        var database = await DatabaseCheckAsync(factory.CreateClient());

        Assert.False(database.GetProperty("ready").GetBoolean());
        Assert.Equal(JsonValueKind.Null, database.GetProperty("detail").ValueKind);
        Assert.DoesNotContain("govreport_health_probe_nobody", database.GetRawText());
    }

    [Fact]
    public async Task Given_a_failing_database_when_a_reporter_asks_then_the_detail_is_hidden_too()
    {
        var database = await DatabaseCheckAsync(factory.CreateClient(Roles.Reporter, "xa-nong-thuong"));

        Assert.Equal(JsonValueKind.Null, database.GetProperty("detail").ValueKind);
    }

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Auditor)]
    public async Task Given_a_failing_database_when_an_operator_asks_then_the_detail_shows(string role)
    {
        var database = await DatabaseCheckAsync(factory.CreateClient(role));

        Assert.False(string.IsNullOrEmpty(database.GetProperty("detail").GetString()));
    }
}
