using GovReport.Host.Features.Audit;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Reports;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Audit;

public class VerifyIntactTests(ReportsFactory factory) : IClassFixture<ReportsFactory>, IDisposable
{
    public void Dispose() => factory.Clock.Set(Today);

    private async Task FileAndCorrectAsync(string month)
    {
        var reporter = factory.ClientAs(Roles.Reporter, Commune);
        await reporter.SubmitAsync(Commune, month, (Forest, 10m), (Patients, 300m)).ReportAsync();
        await factory.ClientAs(Roles.Approver, City).ApproveAsync(Commune, month).ReportAsync();
        factory.Clock.Advance(TimeSpan.FromDays(10));
        await reporter.CorrectAsync(Commune, month, "Sai số khi nhập", (Forest, 12m)).ReportAsync();
    }

    [Fact]
    public async Task Given_an_untouched_database_when_an_auditor_verifies_then_it_is_ok_and_leaves_no_scratch_schema()
    {
        await FileAndCorrectAsync("2022-08");

        var requested = System.Diagnostics.Stopwatch.StartNew();
        var report = await factory.ClientAs(Roles.Auditor).JsonAsync("/api/audit/verify");
        var requestMs = requested.ElapsedMilliseconds;

        Assert.True(report.GetProperty("ok").GetBoolean(), report.ToString());
        Assert.True(report.GetProperty("readModelsCompared").GetBoolean());
        Assert.Equal(0, report.GetProperty("brokenStreams").GetArrayLength());
        Assert.Equal(0, report.GetProperty("readModelDifferences").GetArrayLength());
        Assert.True(report.GetProperty("checkedEvents").GetInt64() >= 11);
        Assert.True(report.GetProperty("checkedStreams").GetInt64() >= 9);
        // The check's own duration: part of the request's, never more (a unit or clock mix-up shows here).
        Assert.InRange(report.GetProperty("elapsedMs").GetInt64(), 0, requestMs);
        Assert.Equal(factory.Clock.GetUtcNow(), report.GetProperty("verifiedAt").GetDateTimeOffset());
        await using var scratch = factory.Services.GetRequiredService<NpgsqlDataSource>()
            .CreateCommand("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'rm\\_verify\\_%'");
        Assert.Equal(0L, await scratch.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Given_an_untouched_database_when_the_verify_verb_runs_then_it_prints_an_ok_report_and_exits_zero()
    {
        var (exit, output, errors) = await factory.RunVerbAsync(VerifyVerb.RunAsync);

        Assert.Equal(0, exit);
        Assert.True(output.GetProperty("ok").GetBoolean(), output.ToString());
        Assert.Contains("checking the hash chain", errors);
    }

    [Fact]
    public async Task Given_a_correction_when_the_read_models_are_replayed_to_before_it_then_the_snapshot_schema_holds_the_old_figure()
    {
        await FileAndCorrectAsync("2022-06");
        var beforeCorrection = factory.Clock.GetUtcNow().AddDays(-5);

        var (exit, output, _) = await factory.RunVerbAsync(ReplayVerb.RunAsync, "--to", beforeCorrection.ToString("O"), "--schema", "rm_asof_test");

        Assert.Equal(0, exit);
        Assert.Equal("rm_asof_test", output.GetProperty("schema").GetString());
        await using var command = factory.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("""
            SELECT (SELECT (figures ->> @i)::numeric FROM rm_asof_test.official_figure_sets WHERE unit_id = @u AND month = '2022-06' AND valid_to IS NULL),
                   (SELECT (figures ->> @i)::numeric FROM rm.official_figure_sets WHERE unit_id = @u AND month = '2022-06' AND valid_to IS NULL)
            """);
        command.Parameters.AddWithValue("u", Commune);
        command.Parameters.AddWithValue("i", Forest);
        var caughtUp = await factory.Services.GetRequiredService<GovReport.Projections.ProjectionFreshness>().WaitUntilFreshAsync(TimeSpan.FromSeconds(30));
        Assert.True(caughtUp.Reached, $"the live read models did not catch up: {caughtUp.Lag}");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal((10m, 12m), (reader.GetDecimal(0), reader.GetDecimal(1)));
    }

    [Fact]
    public async Task Given_a_reserved_or_existing_schema_when_replay_runs_then_it_refuses_without_touching_it()
    {
        var (exit, _, errors) = await factory.RunVerbAsync(ReplayVerb.RunAsync, "--to", "2022-09-01T00:00:00Z", "--schema", "rm");
        Assert.Equal(2, exit);
        Assert.Contains("reserved", errors);

        (exit, _, errors) = await factory.RunVerbAsync(ReplayVerb.RunAsync, "--to", "not-a-time");
        Assert.Equal(2, exit);
        Assert.Contains("--to", errors);
    }
}
