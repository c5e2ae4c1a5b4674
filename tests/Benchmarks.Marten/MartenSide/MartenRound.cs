using System.Diagnostics;
using GovReport.Benchmarks.EventStore;
using GovReport.Benchmarks.National;
using GovReport.Benchmarks.Reporting;
using GovReport.Domain;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Reports;
using GovReport.Host.Features.Reports;
using GovReport.Projections.Serialization;
using JasperFx.Events;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace GovReport.Benchmarks.SideBySide.MartenSide;

/// <summary>
/// Marten's round, through the APIs its documentation recommends: BulkInsertEventsAsync for the
/// load, FetchForWriting with an inline snapshot per command, the daemon's RebuildProjectionAsync,
/// and documents loaded by id for the ytd answers.
/// </summary>
public static class MartenRound
{
    public const string Side = "marten";

    public static async Task<RoundResult> RunAsync(BenchDatabase db, Workload workload, NationalOptions options)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(options.ConnectionString) { Database = db.Name }.ConnectionString;
        using var store = MartenStores.Create(connectionString);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        var raw = await Phases.StepAsync(Side, "raw COPY", () => RawCopyAsync(db, workload));
        var bulk = await Phases.StepAsync(Side, "bulk insert", () => BulkAsync(store, workload));
        await db.ExecuteAsync($"VACUUM (ANALYZE) {MartenStores.Schema}.mt_events, {MartenStores.Schema}.mt_streams");
        var (rebuild, figures) = await Phases.StepAsync(Side, "rebuild", () => RebuildAsync(store, bulk.Count));

        var query = new MartenPerformanceQuery(store);
        async Task<int> Ytd(string unit) => (await query.YtdAsync(UnitId.Parse(unit), workload.YtdMonth)).Count;
        var country = workload.Country;
        var commune = await Phases.StepAsync(Side, "ytd commune", () => Phases.QueriesAsync("ytd commune", country.Communes.Select(c => c.Commune).ToList(), options.Queries, Ytd));
        var province = await Phases.StepAsync(Side, "ytd province", () => Phases.QueriesAsync("ytd province", country.Provinces, options.Queries, Ytd));
        var whole = await Phases.StepAsync(Side, "ytd country", () => Phases.QueriesAsync("ytd country", [Country.Root], Math.Min(50, options.Queries), Ytd));
        var answers = await Answers.DigestAsync(workload, unit => query.YtdAsync(UnitId.Parse(unit), workload.YtdMonth));

        var (newStream, readAppend) = await Phases.CommandRowsAsync(Side, workload, command => ExecuteAsync(store, command));
        return new RoundResult(raw, bulk, newStream, readAppend, rebuild, figures, commune, province, whole, answers);
    }

    /// <summary>
    /// The command handler workflow of the docs: FetchForWriting, decide, append, SaveChangesAsync.
    /// A submission first gets what our side gets (ReportWrites.LikelyNew): decided on the empty
    /// stream and started without a read (StartStream), read only if the stream exists after all.
    /// </summary>
    private static async Task ExecuteAsync(IDocumentStore store, ReportCommand command)
    {
        if (ReportWrites.LikelyNew(command) && await TryStartAsync(store, command)) return;
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<ReportSnapshot>(StreamIds.Report(command.Unit, command.Month));
        var decision = ReportDecider.Decide(command, stream.Aggregate?.State ?? ReportDecider.Initial);
        if (decision.IsError) throw new InvalidOperationException($"{command} failed: {decision.Error!.Message}");
        stream.AppendMany(decision.Events.Cast<object>().ToArray());
        await session.SaveChangesAsync();
    }

    private static async Task<bool> TryStartAsync(IDocumentStore store, ReportCommand command)
    {
        var opening = ReportDecider.Decide(command, ReportDecider.Initial);
        if (opening.IsError || opening.Events.Count == 0) return false;
        try
        {
            await using var session = store.LightweightSession();
            session.Events.StartStream<ReportSnapshot>(StreamIds.Report(command.Unit, command.Month), opening.Events.Cast<object>().ToArray());
            await session.SaveChangesAsync();
            return true;
        }
        catch (ExistingStreamIdCollisionException)
        {
            return false;
        }
    }

    private static async Task<BenchResult> BulkAsync(DocumentStore store, Workload workload)
    {
        var clock = new Stopwatch();
        long events = 0;
        foreach (var batch in workload.Batches())
        {
            clock.Start();
            var actions = batch.Streams.Select(s => StreamAction.Start(store.Events, s.StreamId, s.Events)).ToList();
            await store.BulkInsertEventsAsync(actions);
            clock.Stop();
            events += batch.EventCount;
        }
        return new BenchResult("bulk insert", "events", events, clock.Elapsed.TotalSeconds)
        {
            Note = $"BulkInsertEventsAsync (COPY), {Workload.StreamsPerBatch:N0} new streams a call; no hash",
        };
    }

    /// <summary>
    /// After a bulk insert nothing is projected (the docs: rebuild after bulk loading). The figures
    /// model is its lookup, the official months and the roll-up; the rest is what our rebuild also
    /// rebuilds (reports, catalogue, plans), so the full row compares like with like.
    /// </summary>
    private static async Task<(BenchResult All, BenchResult Figures)> RebuildAsync(IDocumentStore store, long events)
    {
        using var daemon = await store.BuildProjectionDaemonAsync();
        var timeout = TimeSpan.FromHours(1);
        var clock = Stopwatch.StartNew();
        await daemon.RebuildProjectionAsync(typeof(UnitLinkProjection), timeout, CancellationToken.None);
        await daemon.RebuildProjectionAsync(typeof(OfficialMonthProjection), timeout, CancellationToken.None);
        await daemon.RebuildProjectionAsync(typeof(ParentMonthProjection), timeout, CancellationToken.None);
        var figures = clock.Elapsed;
        var parts = new List<string> { $"figures model (unit lookup, official months, roll-up) {figures.TotalSeconds:F1} s" };
        foreach (var projection in new[] { typeof(IndicatorProjection), typeof(PlanProjection), typeof(ReportSnapshot) })
        {
            var started = clock.Elapsed;
            await daemon.RebuildProjectionAsync(projection, timeout, CancellationToken.None);
            parts.Add($"{projection.Name} {(clock.Elapsed - started).TotalSeconds:F1} s");
        }
        return (new BenchResult("rebuild", "events", events, clock.Elapsed.TotalSeconds) { Note = string.Join("; ", parts) },
            new BenchResult("rebuild, figures model only", "events", events, figures.TotalSeconds));
    }

    /// <summary>The same events by binary COPY into a copy of mt_events (keys and indexes, no stream rows): Marten's floor.</summary>
    private static async Task<BenchResult> RawCopyAsync(BenchDatabase db, Workload workload)
    {
        await db.ExecuteAsync($"CREATE SCHEMA bench; CREATE TABLE bench.raw_events (LIKE {MartenStores.Schema}.mt_events INCLUDING ALL)");
        var columns = new List<string>();
        await using (var command = db.DataSource.CreateCommand(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'bench' AND table_name = 'raw_events' ORDER BY ordinal_position"))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
        var known = new[] { "seq_id", "id", "stream_id", "version", "data", "type", "timestamp", "tenant_id", "mt_dotnet_type", "is_archived" };
        var written = columns.Where(known.Contains).ToList();

        var clock = new Stopwatch();
        long events = 0, sequence = 0;
        foreach (var batch in workload.Batches())
        {
            var rows = batch.Streams.SelectMany(s => s.Events.Select((e, i) => (s.StreamId, Version: i + 1L, Json: EventSerializer.Serialize(e).Json, Event: e))).ToList();
            clock.Start();
            await using (var connection = await db.DataSource.OpenConnectionAsync())
            await using (var importer = await connection.BeginBinaryImportAsync($"COPY bench.raw_events ({string.Join(", ", written)}) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var row in rows)
                {
                    await importer.StartRowAsync();
                    foreach (var column in written)
                    {
                        switch (column)
                        {
                            case "seq_id": await importer.WriteAsync(++sequence, NpgsqlDbType.Bigint); break;
                            case "id": await importer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid); break;
                            case "stream_id": await importer.WriteAsync(row.StreamId, NpgsqlDbType.Varchar); break;
                            case "version": await importer.WriteAsync(row.Version, NpgsqlDbType.Bigint); break;
                            case "data": await importer.WriteAsync(row.Json, NpgsqlDbType.Jsonb); break;
                            case "type": await importer.WriteAsync(row.Event.GetType().Name, NpgsqlDbType.Varchar); break;
                            case "timestamp": await importer.WriteAsync(DateTimeOffset.UtcNow, NpgsqlDbType.TimestampTz); break;
                            case "tenant_id": await importer.WriteAsync("*DEFAULT*", NpgsqlDbType.Varchar); break;
                            case "mt_dotnet_type": await importer.WriteAsync(row.Event.GetType().FullName!, NpgsqlDbType.Varchar); break;
                            case "is_archived": await importer.WriteAsync(false, NpgsqlDbType.Boolean); break;
                        }
                    }
                }
                await importer.CompleteAsync();
            }
            clock.Stop();
            events += rows.Count;
        }
        await db.ExecuteAsync("DROP SCHEMA bench CASCADE");
        return new BenchResult("raw COPY", "events", events, clock.Elapsed.TotalSeconds)
        {
            Note = $"pre-serialized rows, one COPY per batch into LIKE mt_events INCLUDING ALL: {string.Join(", ", written)}",
        };
    }
}
