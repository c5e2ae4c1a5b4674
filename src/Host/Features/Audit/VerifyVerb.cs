using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GovReport.EventStore.Integrity;
using GovReport.Projections;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GovReport.Host.Features.Audit;

/// <summary>
/// <c>verify [--export-heads FILE] [--against-heads FILE [--heads-date YYYY-MM-DD]]</c>: checks the
/// hash chain and the read models, progress on stderr and the report as JSON on stdout; exit 0
/// when intact, 1 when not, 2 when it cannot check (bad arguments, a heads file refused).
/// <c>--export-heads</c> writes every stream's head and one digest over them, signed with
/// <c>Integrity:HeadsKey</c>, for an auditor to keep outside the system. <c>--against-heads</c>
/// takes such an export or the daily checkpoint file (its latest line, or that of a date), checks
/// its signature first, and proves nothing up to those heads changed — which catches a removal
/// at a stream's end that moved its head back, invisible to the chain alone.
/// </summary>
public static class VerifyVerb
{
    public const string ExportHeads = "--export-heads";
    public const string AgainstHeads = "--against-heads";
    public const string HeadsDate = "--heads-date";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(string[] args)
    {
        var (_, hostArgs, error) = CliOptions.Split(args, ExportHeads, AgainstHeads, HeadsDate);
        if (error is not null) return Usage(Console.Error, error);
        await using var app = GovReportApp.Build(hostArgs);
        return await RunAsync(app.Services, args, Console.Out, Console.Error);
    }

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct = default)
    {
        var (options, _, error) = CliOptions.Split(args, ExportHeads, AgainstHeads, HeadsDate);
        if (error is not null) return Usage(stderr, error);
        DateOnly? date = null;
        if (options.TryGetValue(HeadsDate, out var dateText))
        {
            if (!options.ContainsKey(AgainstHeads)) return Usage(stderr, $"{HeadsDate} goes with {AgainstHeads}.");
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                return Usage(stderr, $"{HeadsDate} '{dateText}' is not a date; use YYYY-MM-DD.");
            date = parsed;
        }
        var key = services.GetRequiredService<IOptions<IntegrityOptions>>().Value.KeyBytes;
        if (key is not null && key.Length < HeadsSignature.MinimumKeyBytes)
            return Usage(stderr, $"Integrity:HeadsKey is shorter than {HeadsSignature.MinimumKeyBytes} bytes; configure a longer one.");

        // The heads file is judged before the long check: a file that cannot be trusted proves nothing.
        HeadDigest? exported = null;
        if (options.TryGetValue(AgainstHeads, out var against))
        {
            (exported, var unreadable) = await HeadsFile.ReadAsync(against, date, ct);
            if (unreadable is not null) return Usage(stderr, unreadable);
            if (HeadsFile.Refusal(exported!, key) is { } refusal)
                return Usage(stderr, $"Refusing {against}: {refusal}.");
        }

        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        var clock = services.GetRequiredService<TimeProvider>();
        var verifier = new AuditVerifier(dataSource, services.GetRequiredService<ProjectionFreshness>(), clock);
        var report = await verifier.RunAsync(new SyncProgress<string>(stderr.WriteLine), ct);
        var output = JsonSerializer.SerializeToNode(report, Json)!.AsObject();
        var ok = report.Ok;

        if (exported is not null)
        {
            stderr.WriteLine($"checking the heads of {exported.ExportedAt:O} in {against}");
            var differing = await ChainHeads.CheckAsync(dataSource, exported.Streams, ct);
            output["againstHeads"] = JsonSerializer.SerializeToNode(new
            {
                file = against, exportedAt = exported.ExportedAt, signed = exported.Signature is not null,
                checkedStreams = exported.Streams.Count, differingStreams = differing,
            }, Json);
            ok &= differing.Count == 0;
        }
        if (options.TryGetValue(ExportHeads, out var export))
        {
            var digest = await ChainHeads.ExportAsync(dataSource, clock.GetUtcNow(), ct);
            if (key is not null) digest = HeadsSignature.Sign(digest, key);
            else stderr.WriteLine("Integrity:HeadsKey is not configured: the heads are exported unsigned.");
            await File.WriteAllTextAsync(export, HeadsFile.Serialize(digest, indented: true), ct);
            stderr.WriteLine($"exported {digest.Streams.Count} stream heads to {export}");
            output["exportedHeads"] = JsonSerializer.SerializeToNode(
                new { file = export, streams = digest.Streams.Count, digest = digest.Digest, signed = digest.Signature is not null }, Json);
        }
        output["ok"] = ok;
        stdout.WriteLine(output.ToJsonString(Json));
        return ok ? 0 : 1;
    }

    private static int Usage(TextWriter stderr, string error)
    {
        stderr.WriteLine(error);
        stderr.WriteLine("usage: verify [--export-heads FILE] [--against-heads FILE [--heads-date YYYY-MM-DD]]");
        return 2;
    }
}
