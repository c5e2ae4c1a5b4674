using GovReport.Domain.Reports;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Weasel.Core;

namespace GovReport.Benchmarks.SideBySide.MartenSide;

/// <summary>
/// Marten configured as its documentation recommends for speed; docs/benchmarks.md names the page
/// behind each setting. Nothing here is tuned against the benchmark.
/// </summary>
public static class MartenStores
{
    /// <summary>Events per daemon page: the docs' advice for rebuilds, and our rebuilder's page.</summary>
    public const int DaemonBatchSize = 5_000;

    public const string Schema = "marten";

    public static DocumentStore Create(string connectionString) => DocumentStore.For(opts =>
    {
        opts.Connection(connectionString);
        opts.DatabaseSchemaName = Schema;
        opts.AutoCreateSchemaObjects = AutoCreate.All;

        // Our stream keys are strings ("report-xa-00001-2025-08").
        opts.Events.StreamIdentity = StreamIdentity.AsString;
        // "Optimizing for Performance and Scalability" and "Appending Events": the quick append.
        opts.Events.AppendMode = EventAppendMode.Quick;
        // Same page: FetchForWriting reuses the inline snapshot it loaded when the projection applies.
        opts.Events.UseIdentityMapForAggregates = true;
        // Same page: single-stream projections rebuild a stream at a time.
        opts.Events.UseOptimizedProjectionRebuilds = true;

        // The same domain records our store keeps, with the converters our serializer uses.
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, json =>
            json.Converters.Add(new FigureValuesJsonConverter()));

        // What a writer reads back at once: the report, inline, with the catalogue lookups.
        opts.Projections.Snapshot<ReportSnapshot>(SnapshotLifecycle.Inline);
        opts.Projections.Add(new UnitLinkProjection(), ProjectionLifecycle.Inline);
        opts.Projections.Add(new IndicatorProjection(), ProjectionLifecycle.Inline);
        opts.Projections.Add(new PlanProjection(), ProjectionLifecycle.Inline);
        // The figures model, asynchronous like ours (the daemon keeps it).
        opts.Projections.Add(new OfficialMonthProjection(), ProjectionLifecycle.Async);
        opts.Projections.Add(new ParentMonthProjection(), ProjectionLifecycle.Async);

        // A queried field gets a real column and index ("Duplicated Fields" in the docs) rather than a JSON path scan.
        opts.Schema.For<UnitLink>().Duplicate(x => x.Parent!);
    });
}
