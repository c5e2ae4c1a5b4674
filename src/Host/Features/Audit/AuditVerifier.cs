using System.Diagnostics;
using GovReport.EventStore.Integrity;
using GovReport.Projections;
using GovReport.Projections.ReadModels;
using GovReport.Projections.Rebuild;
using Npgsql;

namespace GovReport.Host.Features.Audit;

/// <summary>
/// What verify found. <see cref="Ok"/> is true only when the chain is intact and the read models
/// were compared with a fresh replay and equal it; models that could not be compared (the figure
/// projection was still behind the log) are not called intact — <see cref="ReadModelNote"/> says why.
/// <see cref="VerifiedAt"/> is when the check finished: an answer served from cache keeps it.
/// </summary>
public sealed record VerifyReport(
    bool Ok, long CheckedEvents, long CheckedStreams, IReadOnlyList<BrokenStream> BrokenStreams,
    IReadOnlyList<ReadModelDifference> ReadModelDifferences, bool ReadModelsCompared, string? ReadModelNote,
    long ElapsedMs, DateTimeOffset VerifiedAt);

/// <summary>
/// Checks the hash chain, then replays the whole log into a scratch schema and compares it with
/// the live read models. Reads only: the scratch schema is dropped before it returns.
/// </summary>
public sealed class AuditVerifier(NpgsqlDataSource dataSource, ProjectionFreshness freshness, TimeProvider clock)
{
    public static readonly TimeSpan CatchUpTimeout = TimeSpan.FromSeconds(10);

    // Writes landing during the replay make the live models run ahead of the twin; catching the
    // twin up and comparing again separates that from a real difference.
    private const int Comparisons = 3;

    public async Task<VerifyReport> RunAsync(IProgress<string>? progress = null, CancellationToken ct = default)
    {
        var elapsed = Stopwatch.StartNew();
        progress?.Report("checking the hash chain");
        var chain = await ChainVerifier.VerifyAsync(dataSource,
            progress is null ? null : new SyncProgress<long>(n => progress.Report($"chain: {n} events checked")), ct);

        var schema = $"rm_verify_{Guid.NewGuid():N}"[..22];
        IReadOnlyList<ReadModelDifference> differences = [];
        var compared = false;
        string? note = null;
        try
        {
            progress?.Report($"replaying the log into {schema}");
            var replayProgress = progress is null ? null : new SyncProgress<long>(n => progress.Report($"replay: {n} events"));
            var built = await new ReadModelRebuilder(dataSource).ReplayIntoAsync(schema, replayProgress, ct);
            var position = built.Position;
            for (var attempt = 0; attempt < Comparisons; attempt++)
            {
                var caughtUp = await freshness.WaitUntilFreshAsync(CatchUpTimeout, ct);
                if (!caughtUp.Reached)
                {
                    note = $"The live figure models are {caughtUp.Lag.PendingEvents} event(s) behind the log; they were not compared.";
                    break;
                }
                progress?.Report("comparing the live read models with the replay");
                differences = await ReadModelComparer.CompareAsync(dataSource, ReadModelSchema.Live, schema, ct: ct);
                compared = true;
                if (differences.Count == 0) break;
                var (more, reached) = await new ReadModelReplay(dataSource).ContinueAsync(schema, position, null, null, ct);
                if (more == 0) break;
                position = reached;
            }
        }
        finally
        {
            await DropAsync(schema);
        }
        var ok = chain.Intact && compared && differences.Count == 0;
        return new VerifyReport(ok, chain.CheckedEvents, chain.CheckedStreams, chain.BrokenStreams, differences,
            compared, note, elapsed.ElapsedMilliseconds, clock.GetUtcNow());
    }

    private async Task DropAsync(string schema)
    {
        await using var drop = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS {ReadModelSchema.Checked(schema)} CASCADE");
        await drop.ExecuteNonQueryAsync(CancellationToken.None);
    }
}

/// <summary>Reports on the caller's thread, in order (Progress&lt;T&gt; posts later, possibly after the run ends).</summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
