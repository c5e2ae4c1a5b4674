using GovReport.Host.Features.Audit;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Reports;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Audit;

/// <summary>The event log is edited behind the append-only trigger: verify must name the stream and version.</summary>
public class VerifyTamperedEventTests(ReportsFactory factory) : IClassFixture<ReportsFactory>
{
    [Fact]
    public async Task Given_an_event_edited_by_sql_when_verified_over_http_and_by_the_verb_then_both_name_the_stream_and_version()
    {
        var reporter = factory.ClientAs(Roles.Reporter, Commune);
        await reporter.SaveDraftAsync(Commune, "2022-08", (Forest, 10m)).ReportAsync();
        await reporter.SubmitAsync(Commune, "2022-08").ReportAsync();
        await factory.TamperFigureAsync($"report-{Commune}-2022-08", 2);

        var report = await factory.ClientAs(Roles.Auditor).JsonAsync("/api/audit/verify");
        var (exit, output, _) = await factory.RunVerbAsync(VerifyVerb.RunAsync);

        Assert.False(report.GetProperty("ok").GetBoolean());
        var broken = Assert.Single(report.GetProperty("brokenStreams").EnumerateArray());
        Assert.Equal(($"report-{Commune}-2022-08", 2L),
            (broken.GetProperty("stream").GetString(), broken.GetProperty("firstBrokenVersion").GetInt64()));
        Assert.Equal(1, exit);
        Assert.False(output.GetProperty("ok").GetBoolean());
        Assert.Equal($"report-{Commune}-2022-08", output.GetProperty("brokenStreams")[0].GetProperty("stream").GetString());
    }
}

/// <summary>A live read-model row is edited by SQL: verify must report exactly that row.</summary>
public class VerifyCorruptedReadModelTests(ReportsFactory factory) : IClassFixture<ReportsFactory>
{
    [Fact]
    public async Task Given_a_report_row_changed_by_sql_when_verified_then_exactly_that_row_is_reported()
    {
        var reporter = factory.ClientAs(Roles.Reporter, Commune);
        await reporter.SubmitAsync(Commune, "2022-08", (Forest, 10m)).ReportAsync();
        await factory.ClientAs(Roles.Reporter, OtherCommune).SubmitAsync(OtherCommune, "2022-08", (Forest, 4m)).ReportAsync();
        await factory.ExecuteAsync("UPDATE rm.reports SET status = 'approved' WHERE unit_id = @u AND month = '2022-08'", ("u", Commune));

        var report = await factory.ClientAs(Roles.Admin).JsonAsync("/api/audit/verify");

        Assert.False(report.GetProperty("ok").GetBoolean());
        Assert.Equal(0, report.GetProperty("brokenStreams").GetArrayLength());
        var difference = Assert.Single(report.GetProperty("readModelDifferences").EnumerateArray());
        Assert.Equal(("reports", $"{Commune}/2022-08"), (difference.GetProperty("table").GetString(), difference.GetProperty("key").GetString()));
    }
}

/// <summary>Heads exported outside the system catch an edit made afterwards.</summary>
public class ChainHeadsTests(ReportsFactory factory) : IClassFixture<ReportsFactory>
{
    [Fact]
    public async Task Given_exported_heads_when_an_event_is_then_edited_then_checking_against_them_names_the_stream()
    {
        var file = Path.Combine(Path.GetTempPath(), $"govreport-heads-{Guid.NewGuid():N}.json");
        try
        {
            await factory.ClientAs(Roles.Reporter, Commune).SubmitAsync(Commune, "2022-08", (Forest, 10m)).ReportAsync();
            var (exported, exportOutput, _) = await factory.RunVerbAsync(VerifyVerb.RunAsync, VerifyVerb.ExportHeads, file);
            Assert.Equal(0, exported);
            Assert.Equal(64, exportOutput.GetProperty("exportedHeads").GetProperty("digest").GetString()!.Length);

            var (clean, cleanOutput, _) = await factory.RunVerbAsync(VerifyVerb.RunAsync, VerifyVerb.AgainstHeads, file);
            Assert.Equal(0, clean);
            Assert.Equal(0, cleanOutput.GetProperty("againstHeads").GetProperty("differingStreams").GetArrayLength());

            await factory.TamperFigureAsync($"report-{Commune}-2022-08", 1);
            var (exit, output, _) = await factory.RunVerbAsync(VerifyVerb.RunAsync, VerifyVerb.AgainstHeads, file);

            Assert.Equal(1, exit);
            var differing = Assert.Single(output.GetProperty("againstHeads").GetProperty("differingStreams").EnumerateArray());
            Assert.Equal($"report-{Commune}-2022-08", differing.GetProperty("stream").GetString());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
