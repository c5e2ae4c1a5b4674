using GovReport.Domain.Summaries;
using GovReport.EventStore;

namespace GovReport.Projections.ReadModels;

/// <summary>One row per published summary, so listing them reads an index instead of the log.</summary>
internal static class SummaryProjection
{
    // A summary is published once and never changes: a row already there (carried over by a
    // migration) is the same row.
    public static Task ApplyAsync(ProjectionContext context, RecordedEvent recorded, SummaryPublished e) => context.ExecuteAsync("""
        INSERT INTO {0}.summaries (summary_id, scope, period, published_at, on_demand, recorded_at, seq)
        VALUES (@id, @scope, @period, @publishedAt, @onDemand, @recordedAt, @seq)
        ON CONFLICT (summary_id) DO NOTHING
        """, ("id", recorded.StreamId), ("scope", e.Scope), ("period", e.Period.ToString()), ("publishedAt", e.PublishedAt.ToUniversalTime()),
        ("onDemand", e.OnDemand), ("recordedAt", recorded.RecordedAt), ("seq", recorded.Sequence));
}
