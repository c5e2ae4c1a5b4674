namespace GovReport.Benchmarks.EventStore;

/// <summary>
/// The subscriber's page query, spelled out for EXPLAIN. (This benchmark found the store once
/// ordering pages by the text of the transaction id — a full sort per page — because a bare name in
/// ORDER BY means the output column first; the store now names its text column apart.)
/// </summary>
public static class SuggestedPageQuery
{
    public static string Sql(string after, int limit, string order = "events.tx_id, events.seq") => $"""
        SELECT {RawScanPhase.Columns} FROM es.events
        WHERE (tx_id, seq) > ({after})
          AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY {order}
        LIMIT {limit}
        """;
}
