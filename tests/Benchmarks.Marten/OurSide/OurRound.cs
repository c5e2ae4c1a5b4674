using System.Diagnostics;
using GovReport.Benchmarks.EventStore;
using GovReport.Benchmarks.National;
using GovReport.Benchmarks.Reporting;
using GovReport.Domain;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Reports;
using GovReport.EventStore;
using GovReport.Host.Features.Reports;
using GovReport.Host.Infrastructure.Idempotency;
using GovReport.Host.Infrastructure.Writes;
using GovReport.Projections.Queries;
using GovReport.Projections.Queries.Performance;
using GovReport.Projections.ReadModels;
using GovReport.Projections.Rebuild;
using GovReport.Projections.Serialization;

namespace GovReport.Benchmarks.SideBySide.OurSide;

/// <summary>
/// This store's round, through the production paths: PgEventStore.AppendManyAsync for the load,
/// the host's StreamCommands (read, fold, decide, append with InlineProjector.Live) per command,
/// ReadModelRebuilder for the rebuild, PerformanceQuery for the ytd answers.
/// </summary>
public static class OurRound
{
    public const string Side = "ours";
    private static readonly EventMetadata Metadata = new("benchmark", "benchmark", Reason: "side-by-side benchmark");

    public static async Task<RoundResult> RunAsync(BenchDatabase db, Workload workload, NationalOptions options)
    {
        var store = new PgEventStore(db.DataSource, TimeProvider.System);
        await store.MigrateAsync();
        await ReadModelSchema.MigrateLiveAsync(db.DataSource);

        var raw = await Phases.StepAsync(Side, "raw COPY", () => RawCopyAsync(db, workload));
        var bulk = await Phases.StepAsync(Side, "bulk append", () => BulkAsync(store, workload));
        await db.ExecuteAsync("VACUUM (ANALYZE) es.events, es.streams");
        var rebuild = await Phases.StepAsync(Side, "rebuild", async () =>
        {
            var result = await new ReadModelRebuilder(db.DataSource).RebuildLiveAsync(null, CancellationToken.None);
            return new BenchResult("rebuild", "events", result.Events, result.Elapsed.TotalSeconds)
            {
                Note = "every read model (catalogue, plans, reports, official figures, roll-ups) into a twin schema, swapped in",
            };
        });

        var query = new PerformanceQuery(db.DataSource, new CatalogueReader(db.DataSource));
        async Task<int> Ytd(string unit) =>
            (await query.RunAsync(UnitId.Parse(unit), workload.YtdMonth, PerformanceView.Ytd, null, null)).Rows.Count;
        var country = workload.Country;
        var commune = await Phases.StepAsync(Side, "ytd commune", () => Phases.QueriesAsync("ytd commune", country.Communes.Select(c => c.Commune).ToList(), options.Queries, Ytd));
        var province = await Phases.StepAsync(Side, "ytd province", () => Phases.QueriesAsync("ytd province", country.Provinces, options.Queries, Ytd));
        var whole = await Phases.StepAsync(Side, "ytd country", () => Phases.QueriesAsync("ytd country", [Country.Root], Math.Min(50, options.Queries), Ytd));
        var answers = await Answers.DigestAsync(workload, async unit =>
            (await query.RunAsync(UnitId.Parse(unit), workload.YtdMonth, PerformanceView.Ytd, null, null)).Rows);

        var commands = new StreamCommands(store);
        var (newStream, readAppend) = await Phases.CommandRowsAsync(Side, workload, command => ExecuteAsync(commands, command));
        return new RoundResult(raw, bulk, newStream, readAppend, rebuild, null, commune, province, whole, answers);
    }

    private static async Task ExecuteAsync(StreamCommands commands, ReportCommand command)
    {
        // As the host's report writes call it (ReportWrites): a submission is sent as a likely new stream.
        var outcome = await commands.ExecuteAsync(
            StreamIds.Report(command.Unit, command.Month), null, ReportDecider.Decider, command, Metadata,
            ReportWrites.LikelyNew(command), CancellationToken.None);
        if (!outcome.Succeeded) throw new InvalidOperationException($"{command} failed: {outcome.Error?.Message ?? "stale version"}");
    }

    /// <summary>From domain events to committed, hashed and chained rows: serializing is on the clock, as Marten's is (the store encodes a slice ahead of its COPY).</summary>
    private static async Task<BenchResult> BulkAsync(PgEventStore store, Workload workload)
    {
        var clock = new Stopwatch();
        long events = 0;
        foreach (var batch in workload.Batches())
        {
            clock.Start();
            var appends = batch.Streams.Select(s => new StreamAppend<object>(s.StreamId, ExpectedVersion.NoStream, s.Events)).ToList();
            events += await store.AppendManyAsync(appends, e => EventSerializer.ToNew(e, Metadata));
            clock.Stop();
        }
        return new BenchResult("bulk append", "events", events, clock.Elapsed.TotalSeconds)
        {
            Note = $"AppendManyAsync, {Workload.StreamsPerBatch:N0} new streams a call; every event hashed and chained",
        };
    }

    /// <summary>The same events by binary COPY into a copy of es.events without its trigger, heads or hashing: the floor.</summary>
    private static async Task<BenchResult> RawCopyAsync(BenchDatabase db, Workload workload)
    {
        await db.ExecuteAsync("CREATE SCHEMA bench; CREATE TABLE bench.raw_events (LIKE es.events INCLUDING ALL)");
        var clock = new Stopwatch();
        long events = 0;
        var metadata = SampleEvents.MetadataJson(Metadata);
        foreach (var batch in workload.Batches())
        {
            var now = DateTimeOffset.UtcNow;
            var rows = batch.Streams.SelectMany(s => s.Events.Select((e, i) =>
            {
                var (type, json) = EventSerializer.Serialize(e);
                return new RawCopyPhase.Row(s.StreamId, i + 1, type, json, metadata, now, Guid.CreateVersion7(now), new byte[32], new byte[32]);
            })).ToList();
            clock.Start();
            await RawCopyPhase.CopyBatchAsync(db.DataSource, rows, "bench.raw_events");
            clock.Stop();
            events += rows.Count;
        }
        await db.ExecuteAsync("DROP SCHEMA bench CASCADE");
        return new BenchResult("raw COPY", "events", events, clock.Elapsed.TotalSeconds)
        {
            Note = "pre-serialized rows, one COPY per batch into LIKE es.events INCLUDING ALL (keys and indexes, no trigger)",
        };
    }
}
