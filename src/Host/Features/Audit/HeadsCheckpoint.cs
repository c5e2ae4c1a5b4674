using System.Text;
using System.Text.Json;
using GovReport.EventStore;
using GovReport.EventStore.Integrity;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GovReport.Host.Features.Audit;

/// <summary>
/// Once a day (UTC) the leader appends every stream's head, signed, as one JSON line to
/// <c>Integrity:CheckpointPath</c>: a file the database roles cannot write, and in production a
/// write-once store. <c>verify --against-heads</c> takes it, so removing a stream's last events
/// and moving its head back is caught even if nobody exported the heads by hand.
/// </summary>
public sealed class HeadsCheckpoint(
    NpgsqlDataSource dataSource, TimeProvider clock, IOptions<IntegrityOptions> options, ILogger<HeadsCheckpoint> log)
    : BackgroundService
{
    public const string LeaseName = "heads-checkpoint";

    /// <summary>Writes today's line unless it is there already; the line written, or null (not leader, already done, disabled).</summary>
    public async Task<HeadDigest?> RunOnceAsync(CancellationToken ct)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.CheckpointPath)) return null;
        if (settings.KeyBytes is not { } key)
        {
            log.LogError("Integrity:CheckpointPath is set but Integrity:HeadsKey is not: no unsigned checkpoint is written");
            return null;
        }
        await using var lease = await LeaderLease.TryAcquireAsync(dataSource, LeaseName, ct);
        if (lease is null) return null;

        var now = clock.GetUtcNow();
        var path = settings.CheckpointPath;
        if (await LastLineAsync(path, ct) is { } last && DateOnly.FromDateTime(last.ExportedAt.UtcDateTime) == DateOnly.FromDateTime(now.UtcDateTime))
            return null;
        var heads = HeadsSignature.Sign(await ChainHeads.ExportAsync(dataSource, now, ct), key);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        await using (var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read))
        {
            // After a torn line (a crash mid-write) start a new one rather than extend it.
            if (file.Length > 0 && !await EndsWithNewlineAsync(path, ct)) await file.WriteAsync("\n"u8.ToArray(), ct);
            await file.WriteAsync(Encoding.UTF8.GetBytes(HeadsFile.Serialize(heads, indented: false) + "\n"), ct);
            // A checkpoint that a crash can lose is no anchor.
            file.Flush(flushToDisk: true);
        }
        log.LogInformation("Wrote the heads checkpoint of {Instant} ({Streams} streams) to {Path}", now, heads.Streams.Count, path);
        return heads;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.CheckpointPath)) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The next pass tries again; a day's checkpoint only needs to land some time that day.
                log.LogWarning(e, "Heads checkpoint failed; retrying in {Interval}", options.Value.CheckpointPollInterval);
            }
            try
            {
                await Task.Delay(options.Value.CheckpointPollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>The file's last line, read from the end: a national log's line is megabytes, and there is one a day.</summary>
    private static async Task<HeadDigest?> LastLineAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path)) return null;
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        const int chunkSize = 64 * 1024;
        var pieces = new List<byte[]>();
        var inLine = false;
        for (var position = file.Length; position > 0;)
        {
            var size = (int)Math.Min(chunkSize, position);
            position -= size;
            var chunk = new byte[size];
            file.Position = position;
            await file.ReadExactlyAsync(chunk, ct);
            var span = chunk.AsSpan();
            if (!inLine)
            {
                span = span.TrimEnd("\r\n"u8);
                inLine = !span.IsEmpty;
            }
            var newline = span.LastIndexOf((byte)'\n');
            pieces.Add(span[(newline + 1)..].ToArray());
            if (newline >= 0) break;
        }
        pieces.Reverse();
        var line = pieces.SelectMany(p => p).ToArray();
        return line.Length == 0 ? null : Parse(line);
    }

    private static async Task<bool> EndsWithNewlineAsync(string path, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        file.Position = file.Length - 1;
        var last = new byte[1];
        await file.ReadExactlyAsync(last, ct);
        return last[0] == (byte)'\n';
    }

    private static HeadDigest? Parse(ReadOnlySpan<byte> line)
    {
        try
        {
            return JsonSerializer.Deserialize<HeadDigest>(line, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        }
        catch (JsonException)
        {
            // A torn last line (a crash mid-write) is not today's checkpoint: write a whole one after it.
            return null;
        }
    }
}
