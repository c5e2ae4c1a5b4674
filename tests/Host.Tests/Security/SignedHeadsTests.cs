using System.Text.Json;
using System.Text.Json.Nodes;
using GovReport.EventStore.Integrity;
using GovReport.Host.Features.Audit;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Audit;
using GovReport.Host.Tests.Reports;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Security;

/// <summary>Separate roles, a heads key and a daily checkpoint file of this test class's own.</summary>
public class SignedHeadsFactory : SeparateRolesFactory
{
    public const string Key = "test-heads-key-that-is-long-enough-0123456789";

    public string CheckpointPath { get; } = Path.Combine(Path.GetTempPath(), $"govreport-checkpoint-{Guid.NewGuid():N}.jsonl");

    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        base.ConfigureSettings(settings);
        settings["Integrity:HeadsKey"] = Key;
        settings["Integrity:CheckpointPath"] = CheckpointPath;
    }

    protected override async Task CleanUpAsync()
    {
        File.Delete(CheckpointPath);
        await base.CleanUpAsync();
    }
}

/// <summary>
/// An owner (or superuser) can do what the runtime role cannot: switch the trigger off, delete a
/// stream's last event and move its head back. The chain alone still verifies; heads signed
/// outside the database — an export or the daily checkpoint — do not.
/// </summary>
public class SignedHeadsTests(SignedHeadsFactory factory) : IClassFixture<SignedHeadsFactory>
{
    private HeadsCheckpoint Checkpoint => factory.Services.GetRequiredService<HeadsCheckpoint>();

    [Fact]
    public async Task Deleting_a_streams_last_event_and_moving_its_head_back_is_caught_by_the_signed_export_and_the_checkpoint()
    {
        var stream = $"report-{Commune}-2022-08";
        var reporter = factory.ClientAs(Roles.Reporter, Commune);
        await reporter.SaveDraftAsync(Commune, "2022-08", (Forest, 10m)).ReportAsync();
        await reporter.SubmitAsync(Commune, "2022-08").ReportAsync();
        var export = TempFile();
        try
        {
            var (exported, exportOutput, _) = await factory.RunVerbAsync(VerifyVerb.RunAsync, VerifyVerb.ExportHeads, export);
            Assert.Equal(0, exported);
            Assert.True(exportOutput.GetProperty("exportedHeads").GetProperty("signed").GetBoolean());
            factory.Clock.Advance(TimeSpan.FromDays(1));
            Assert.NotNull(await Checkpoint.RunOnceAsync(CancellationToken.None));

            await DeleteLastEventAndMoveHeadBackAsync(stream);

            var (_, plain, _) = await factory.RunVerbAsync(VerifyVerb.RunAsync);
            Assert.Equal(0, plain.GetProperty("brokenStreams").GetArrayLength());
            foreach (var heads in new[] { export, factory.CheckpointPath })
            {
                var (exit, output, errors) = await factory.RunVerbAsync(VerifyVerb.RunAsync, VerifyVerb.AgainstHeads, heads);
                Assert.True(exit == 1, errors);
                Assert.False(output.GetProperty("ok").GetBoolean());
                var differing = Assert.Single(output.GetProperty("againstHeads").GetProperty("differingStreams").EnumerateArray());
                Assert.Equal(stream, differing.GetProperty("stream").GetString());
                Assert.Contains("now ends at version", differing.GetProperty("reason").GetString());
            }
        }
        finally
        {
            File.Delete(export);
        }
    }

    private async Task DeleteLastEventAndMoveHeadBackAsync(string stream)
    {
        await using var command = factory.Owner.CreateCommand("""
            ALTER TABLE es.events DISABLE TRIGGER USER;
            DELETE FROM es.events WHERE stream_id = @s AND version = (SELECT version FROM es.streams WHERE stream_id = @s);
            UPDATE es.streams s SET version = s.version - 1,
                   head_hash = (SELECT e.hash FROM es.events e WHERE e.stream_id = @s AND e.version = s.version - 1)
            WHERE s.stream_id = @s;
            ALTER TABLE es.events ENABLE TRIGGER USER;
            """);
        command.Parameters.AddWithValue("s", stream);
        await command.ExecuteNonQueryAsync();
    }

    internal static string TempFile() => Path.Combine(Path.GetTempPath(), $"govreport-heads-{Guid.NewGuid():N}.json");
}

/// <summary>Heads files are trusted only as signed: an edited or unsigned one is refused; the checkpoint keeps a line a day.</summary>
public class SignedHeadsFileTests(SignedHeadsFactory factory) : IClassFixture<SignedHeadsFactory>
{
    private HeadsCheckpoint Checkpoint => factory.Services.GetRequiredService<HeadsCheckpoint>();

    private static string TempFile() => SignedHeadsTests.TempFile();

    [Fact]
    public async Task A_heads_file_edited_with_its_digest_recomputed_or_stripped_of_its_signature_is_refused()
    {
        await factory.ClientAs(Roles.Reporter, OtherCommune).SubmitAsync(OtherCommune, "2022-07", (Forest, 3m)).ReportAsync();
        var export = TempFile();
        try
        {
            await factory.RunVerbAsync(VerifyVerb.RunAsync, VerifyVerb.ExportHeads, export);
            var heads = JsonSerializer.Deserialize<HeadDigest>(await File.ReadAllTextAsync(export), VerifyVerb.Json)!;

            // Whoever moved a head back would move it back in the file too, and recompute the digest.
            var edited = heads.Streams.Select(h => h.Stream.StartsWith("report-", StringComparison.Ordinal) ? h with { Version = h.Version - 1 } : h).ToList();
            await File.WriteAllTextAsync(export, JsonSerializer.Serialize(heads with { Streams = edited, Digest = ChainHeads.DigestOf(edited) }, VerifyVerb.Json));
            var (exit, _, errors) = await factory.RunVerbAsync(VerifyVerb.RunAsync, VerifyVerb.AgainstHeads, export);
            Assert.Equal(2, exit);
            Assert.Contains("signature does not match", errors);

            await File.WriteAllTextAsync(export, JsonSerializer.Serialize(heads with { Signature = null }, VerifyVerb.Json));
            (exit, _, errors) = await factory.RunVerbAsync(VerifyVerb.RunAsync, VerifyVerb.AgainstHeads, export);
            Assert.Equal(2, exit);
            Assert.Contains("not signed", errors);

            await File.WriteAllTextAsync(export, JsonSerializer.Serialize(heads, VerifyVerb.Json));
            (exit, _, errors) = await factory.RunVerbAsync(VerifyVerb.RunAsync, VerifyVerb.AgainstHeads, export);
            Assert.True(exit == 0, errors);
        }
        finally
        {
            File.Delete(export);
        }
    }

    [Fact]
    public async Task The_checkpoint_appends_one_signed_line_a_day_and_verify_can_take_any_days_line()
    {
        factory.Clock.Advance(TimeSpan.FromDays(10));
        var day = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        var written = await Checkpoint.RunOnceAsync(CancellationToken.None);
        Assert.NotNull(written);
        Assert.Null(await Checkpoint.RunOnceAsync(CancellationToken.None));
        factory.Clock.Advance(TimeSpan.FromDays(1));
        Assert.NotNull(await Checkpoint.RunOnceAsync(CancellationToken.None));

        var lines = (await File.ReadAllLinesAsync(factory.CheckpointPath)).Where(l => l.Length > 0).ToList();
        var entries = lines.Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(entries.Count, entries.Select(e => e["exportedAt"]!.GetValue<DateTimeOffset>().UtcDateTime.Date).Distinct().Count());
        Assert.All(lines, l => Assert.True(HeadsSignature.IsValid(
            JsonSerializer.Deserialize<HeadDigest>(l, VerifyVerb.Json)!, System.Text.Encoding.UTF8.GetBytes(SignedHeadsFactory.Key))));

        var (exit, output, errors) = await factory.RunVerbAsync(VerifyVerb.RunAsync,
            VerifyVerb.AgainstHeads, factory.CheckpointPath, VerifyVerb.HeadsDate, day.ToString("yyyy-MM-dd"));
        Assert.True(exit == 0, errors);
        Assert.Equal(written.ExportedAt, output.GetProperty("againstHeads").GetProperty("exportedAt").GetDateTimeOffset());
    }
}
