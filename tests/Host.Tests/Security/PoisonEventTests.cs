using System.Net;
using GovReport.EventStore;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Reports;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Security;

/// <summary>
/// An event the figure projection cannot fold is set aside and named; the rest of the log still
/// projects, reads and summaries still answer, and an administrator's retry folds it once fixed.
/// </summary>
public class PoisonEventTests(ReportsFactory factory) : IClassFixture<ReportsFactory>
{
    private readonly HttpClient _admin = factory.ClientAs(Roles.Admin);
    private readonly HttpClient _approver = factory.ClientAs(Roles.Approver, City);

    private async Task<long> AppendUnreadableAsync(string stream)
    {
        // Straight to the store, past the API and the inline models: a body this version cannot read.
        var store = factory.Services.GetRequiredService<PgEventStore>();
        var result = await store.AppendAsync(stream, ExpectedVersion.Any,
            [new NewEvent("figures_corrected", """{"unit":"xa-duong-quang","month":"2022-06","changes":"not a list","reason":"x"}""",
                new EventMetadata("poison", "test"))]);
        await using var command = factory.Services.GetRequiredService<NpgsqlDataSource>()
            .CreateCommand("SELECT max(seq) FROM es.events WHERE stream_id = @s");
        command.Parameters.AddWithValue("s", stream);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<System.Text.Json.JsonElement> FailuresAsync()
    {
        var (status, projections) = await _admin.GetJsonAsync("/api/admin/projections");
        Assert.Equal(HttpStatusCode.OK, status);
        return projections.GetProperty("projections").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "figures")
            .GetProperty("failures");
    }

    [Fact]
    public async Task Given_an_unreadable_event_in_the_log_when_the_daemon_meets_it_then_it_is_skipped_named_and_everything_else_still_works()
    {
        var reporter = factory.ClientAs(Roles.Reporter, Commune);
        Assert.Equal(HttpStatusCode.OK, (await reporter.SubmitAsync(Commune, "2022-06", (Forest, 5m))).StatusCode);
        var poison = await AppendUnreadableAsync("report-poison-2022-06");
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientAs(Roles.Reporter, OtherCommune).SubmitAsync(OtherCommune, "2022-06", (Forest, 7m))).StatusCode);
        await factory.CaughtUpAsync();

        // The events after the poison projected: the city rolls up both communes.
        var (status, performance) = await _admin.GetJsonAsync($"/api/units/{City}/performance?period=2022-06");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(12m, performance.Row(Forest).GetProperty("actual").GetDecimal());
        var freshness = performance.GetProperty("freshness");
        Assert.True(freshness.GetProperty("caughtUp").GetBoolean());
        var skipped = Assert.Single(freshness.GetProperty("skipped").EnumerateArray(), s => s.GetProperty("stream").GetString() == "report-poison-2022-06");
        Assert.Equal(("figures", poison, "report-poison-2022-06", "figures_corrected"),
            (skipped.GetProperty("projection").GetString(), skipped.GetProperty("sequence").GetInt64(),
             skipped.GetProperty("stream").GetString(), skipped.GetProperty("type").GetString()));

        // Health names it without taking the service down.
        var (health, ready) = await _admin.GetJsonAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, health);
        var check = ready.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "skipped-events");
        Assert.Contains("report-poison-2022-06", check.GetProperty("detail").GetString());

        // Summaries and the audit's replay still work, and the replay skips what live skipped.
        var (published, _) = await _approver.PostJsonAsync("/api/summaries", new { scope = City, period = "2022-06" });
        Assert.Equal(HttpStatusCode.Created, published);
        var (verified, verify) = await _admin.GetJsonAsync("/api/audit/verify");
        Assert.Equal(HttpStatusCode.OK, verified);
        Assert.Empty(verify.GetProperty("readModelDifferences").EnumerateArray());

        // Recorded durably, for the admin; a retry while the cause remains leaves it skipped, and changes nothing else.
        var failure = Assert.Single((await FailuresAsync()).EnumerateArray(), f => f.GetProperty("stream").GetString() == "report-poison-2022-06");
        Assert.Contains("cannot be read", failure.GetProperty("error").GetString()!, StringComparison.OrdinalIgnoreCase);
        var (retried, retry) = await _admin.PostJsonAsync("/api/admin/projections/figures/retry");
        Assert.Equal(HttpStatusCode.OK, retried);
        Assert.Equal(0, retry.GetProperty("resolved").GetInt32());
        Assert.Single(retry.GetProperty("stillFailing").EnumerateArray(), f => f.GetProperty("stream").GetString() == "report-poison-2022-06");
        var (_, after) = await _admin.GetJsonAsync($"/api/units/{City}/performance?period=2022-06");
        Assert.Equal(12m, after.Row(Forest).GetProperty("actual").GetDecimal());
    }

    [Fact]
    public async Task Given_a_fold_the_database_refuses_when_the_cause_is_removed_then_retry_folds_it_and_health_clears()
    {
        var dataSource = factory.Services.GetRequiredService<NpgsqlDataSource>();
        await using (var refuse = dataSource.CreateCommand("""
            CREATE FUNCTION rm.refuse_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW.month = '2022-04' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER refuse_rollup BEFORE INSERT OR UPDATE ON rm.rollups FOR EACH ROW EXECUTE FUNCTION rm.refuse_rollup();
            """))
            await refuse.ExecuteNonQueryAsync();
        var reporter = factory.ClientAs(Roles.Reporter, Commune);
        Assert.Equal(HttpStatusCode.OK, (await reporter.SubmitAsync(Commune, "2022-04", (Forest, 9m))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reporter.SubmitAsync(Commune, "2022-03", (Forest, 2m))).StatusCode);
        await factory.CaughtUpAsync();

        var (_, before) = await _admin.GetJsonAsync($"/api/units/{City}/performance?period=2022-04&view=month");
        Assert.DoesNotContain(before.GetProperty("rows").EnumerateArray(), r => r.GetProperty("indicator").GetString() == Forest
            && r.GetProperty("actual").ValueKind != System.Text.Json.JsonValueKind.Null);
        var (_, march) = await _admin.GetJsonAsync($"/api/units/{City}/performance?period=2022-03&view=month");
        Assert.Equal(2m, march.Row(Forest).GetProperty("actual").GetDecimal());
        var failure = Assert.Single((await FailuresAsync()).EnumerateArray(), f => f.GetProperty("stream").GetString() == $"report-{Commune}-2022-04");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, failure.GetProperty("resolvedAt").ValueKind);
        Assert.Contains("refused by the test", failure.GetProperty("error").GetString());

        await using (var fix = dataSource.CreateCommand("DROP TRIGGER refuse_rollup ON rm.rollups; DROP FUNCTION rm.refuse_rollup();"))
            await fix.ExecuteNonQueryAsync();
        var (retried, retry) = await _admin.PostJsonAsync("/api/admin/projections/figures/retry");
        Assert.Equal(HttpStatusCode.OK, retried);
        Assert.True(retry.GetProperty("resolved").GetInt32() >= 1);
        Assert.DoesNotContain(retry.GetProperty("stillFailing").EnumerateArray(), f => f.GetProperty("stream").GetString() == $"report-{Commune}-2022-04");

        var (_, now) = await _admin.GetJsonAsync($"/api/units/{City}/performance?period=2022-04&view=month");
        Assert.Equal(9m, now.Row(Forest).GetProperty("actual").GetDecimal());
        Assert.DoesNotContain(now.GetProperty("freshness").GetProperty("skipped").EnumerateArray(),
            s => s.GetProperty("stream").GetString() == $"report-{Commune}-2022-04");
    }

    [Fact]
    public async Task Retry_is_for_admins_only_and_names_a_known_projection()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await _approver.PostJsonAsync("/api/admin/projections/figures/retry")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await _approver.GetJsonAsync("/api/admin/projections")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.PostJsonAsync("/api/admin/projections/nothing/retry")).Status);
    }
}
