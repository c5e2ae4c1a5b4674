using System.Text.Json;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Health;
using GovReport.Host.Tests.Audit;
using GovReport.Host.Tests.Reports;
using GovReport.Projections;
using GovReport.Projections.Rebuild;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Security;

/// <summary>
/// The service runs as a role that may read and append to the log but not rewrite it: the
/// trigger is not the only guard, since an owner could switch it off.
/// </summary>
public class RuntimeRoleTests(SeparateRolesFactory factory) : IClassFixture<SeparateRolesFactory>
{
    [Theory]
    [InlineData("UPDATE es.events SET event_type = 'edited'")]
    [InlineData("DELETE FROM es.events")]
    [InlineData("TRUNCATE es.events")]
    [InlineData("ALTER TABLE es.events DISABLE TRIGGER USER")]
    [InlineData("ALTER TABLE es.events DISABLE TRIGGER events_append_only")]
    [InlineData("DROP TABLE es.events")]
    [InlineData("DELETE FROM es.streams")]
    public async Task The_runtime_role_is_denied_anything_that_would_rewrite_the_log(string sql)
    {
        // The catalogue the factory seeds was appended by the runtime role: the log is not empty.
        await using var command = factory.Runtime.CreateCommand(sql);
        var denied = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, denied.SqlState);
        // The privilege check, not the append-only trigger (which raises the same code).
        Assert.DoesNotContain("append-only", denied.MessageText);
        Assert.True(denied.MessageText.StartsWith("permission denied", StringComparison.Ordinal)
                    || denied.MessageText.StartsWith("must be owner", StringComparison.Ordinal), denied.MessageText);
        Assert.True(await factory.EventCountAsync() > 0);
    }

    [Fact]
    public async Task The_runtime_role_appends_projects_rebuilds_and_verifies()
    {
        var reporter = factory.ClientAs(Roles.Reporter, OtherCommune);
        await reporter.SubmitAsync(OtherCommune, "2022-07", (Forest, 4m)).ReportAsync();
        var freshness = factory.Services.GetRequiredService<ProjectionFreshness>();
        Assert.True((await freshness.WaitUntilFreshAsync(TimeSpan.FromSeconds(10), CancellationToken.None)).Reached);
        Assert.True(await CountAsync("SELECT count(*) FROM rm.official_figures WHERE unit_id = @u", OtherCommune) > 0);

        // What the rebuild verb does, as the runtime role: a twin schema swapped in for the live one.
        var rebuilt = await new ReadModelRebuilder(factory.Runtime).RebuildLiveAsync(null, CancellationToken.None);
        Assert.True(rebuilt.Events > 0);
        Assert.Equal(factory.RuntimeRole, await OwnerOfAsync("rm"));

        // The daemon goes on writing into the swapped-in models, and verify finds all in order.
        await reporter.SubmitAsync(OtherCommune, "2022-08", (Forest, 5m)).ReportAsync();
        var verify = await factory.ClientAs(Roles.Auditor).JsonAsync("/api/audit/verify");
        Assert.True(verify.GetProperty("ok").GetBoolean(), verify.ToString());
        Assert.Equal(0, verify.GetProperty("brokenStreams").GetArrayLength());
    }

    [Fact]
    public async Task Readiness_says_the_runtime_role_cannot_alter_the_log()
    {
        var check = await RuntimeRoleCheckAsync(factory.ClientAs("admin"));

        Assert.True(check.GetProperty("ready").GetBoolean());
        Assert.NotEqual(RuntimeRoleProbe.CanAlterLog, check.GetProperty("detail").GetString());
        Assert.False(check.GetProperty("data").GetProperty("canAlterLog").GetBoolean());
    }

    /// <summary>The check's detail and data are shown to operators only: <paramref name="client"/> carries an admin token.</summary>
    internal static async Task<JsonElement> RuntimeRoleCheckAsync(HttpClient client)
    {
        var response = await client.GetAsync("/health/ready");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == RuntimeRoleProbe.Name).Clone();
    }

    private async Task<long> CountAsync(string sql, string unit)
    {
        await using var command = factory.Runtime.CreateCommand(sql);
        command.Parameters.AddWithValue("u", unit);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<string> OwnerOfAsync(string schema)
    {
        await using var command = factory.Runtime.CreateCommand("SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = @s");
        command.Parameters.AddWithValue("s", schema);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}

/// <summary>One connection string, as in development and the tests: the host runs, and says the log is not protected.</summary>
public class SingleRoleReadinessTests(ReportsFactory factory) : IClassFixture<ReportsFactory>
{
    [Fact]
    public async Task Readiness_stays_ready_but_says_the_runtime_role_can_alter_the_log()
    {
        var check = await RuntimeRoleTests.RuntimeRoleCheckAsync(factory.ClientAs("admin"));

        Assert.True(check.GetProperty("ready").GetBoolean());
        Assert.Equal(RuntimeRoleProbe.CanAlterLog, check.GetProperty("detail").GetString());
        Assert.True(check.GetProperty("data").GetProperty("ownsLog").GetBoolean());
    }
}
