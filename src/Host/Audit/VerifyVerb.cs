using System.Text.Json;
using System.Text.Json.Nodes;
using GovReport.EventStore.Integrity;
using GovReport.Projections;
using Npgsql;

namespace GovReport.Host.Audit;

/// <summary>
/// <c>verify [--export-heads FILE] [--against-heads FILE]</c>: checks the hash chain and the read
/// models, progress on stderr and the report as JSON on stdout; exit 0 when intact, 1 when not.
/// <c>--export-heads</c> writes every stream's head and one digest over them, for an auditor to
/// keep outside the system; <c>--against-heads</c> proves nothing up to such an export changed.
/// </summary>
public static class VerifyVerb
{
    public const string ExportHeads = "--export-heads";
    public const string AgainstHeads = "--against-heads";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(string[] args)
    {
        var (_, hostArgs, error) = CliOptions.Split(args, ExportHeads, AgainstHeads);
        if (error is not null) return Usage(Console.Error, error);
        await using var app = GovReportApp.Build(hostArgs);
        return await RunAsync(app.Services, args, Console.Out, Console.Error);
    }

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct = default)
    {
        var (options, _, error) = CliOptions.Split(args, ExportHeads, AgainstHeads);
        if (error is not null) return Usage(stderr, error);
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        var verifier = new AuditVerifier(dataSource, services.GetRequiredService<ProjectionFreshness>());

        var report = await verifier.RunAsync(new SyncProgress<string>(stderr.WriteLine), ct);
        var output = JsonSerializer.SerializeToNode(report, Json)!.AsObject();
        var ok = report.Ok;

        if (options.TryGetValue(AgainstHeads, out var against))
        {
            stderr.WriteLine($"checking the heads exported in {against}");
            var exported = JsonSerializer.Deserialize<HeadDigest>(await File.ReadAllTextAsync(against, ct), Json)
                ?? throw new InvalidDataException($"{against} holds no head digest.");
            var differing = new List<HeadMismatch>();
            if (!string.Equals(ChainHeads.DigestOf(exported.Streams), exported.Digest, StringComparison.OrdinalIgnoreCase))
                differing.Add(new HeadMismatch("(file)", 0, $"{against} was edited: its heads no longer match its digest"));
            differing.AddRange(await ChainHeads.CheckAsync(dataSource, exported.Streams, ct));
            output["againstHeads"] = JsonSerializer.SerializeToNode(
                new { file = against, exportedAt = exported.ExportedAt, checkedStreams = exported.Streams.Count, differingStreams = differing }, Json);
            ok &= differing.Count == 0;
        }
        if (options.TryGetValue(ExportHeads, out var export))
        {
            var digest = await ChainHeads.ExportAsync(dataSource, services.GetRequiredService<TimeProvider>().GetUtcNow(), ct);
            await File.WriteAllTextAsync(export, JsonSerializer.Serialize(digest, Json), ct);
            stderr.WriteLine($"exported {digest.Streams.Count} stream heads to {export}");
            output["exportedHeads"] = JsonSerializer.SerializeToNode(new { file = export, streams = digest.Streams.Count, digest = digest.Digest }, Json);
        }
        output["ok"] = ok;
        stdout.WriteLine(output.ToJsonString(Json));
        return ok ? 0 : 1;
    }

    private static int Usage(TextWriter stderr, string error)
    {
        stderr.WriteLine(error);
        stderr.WriteLine("usage: verify [--export-heads FILE] [--against-heads FILE]");
        return 2;
    }
}
