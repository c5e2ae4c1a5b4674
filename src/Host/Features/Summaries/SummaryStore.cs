using GovReport.Domain.Summaries;
using GovReport.EventStore;
using GovReport.Projections.Serialization;
using Npgsql;

namespace GovReport.Host.Features.Summaries;

public sealed record SummaryListItem(string Id, string Scope, string Period, DateTimeOffset PublishedAt, bool OnDemand);

/// <summary>
/// Published summaries: listed from their read model (by scope and period, never a stream-id
/// prefix, as one unit id can be the prefix of another), each read whole from its one-event stream.
/// </summary>
public sealed class SummaryStore(NpgsqlDataSource dataSource, PgEventStore store)
{
    public static string AutomaticId(string scope, string month) => $"summary-{BlockScope.StreamPart(scope)}-{month}";

    public static string OnDemandId(string scope, string month, int n) => $"summary-{BlockScope.StreamPart(scope)}-{month}-ondemand-{n}";

    public static bool IsValidId(string? id) =>
        id is { Length: > 8 and <= 200 } && id.StartsWith("summary-", StringComparison.Ordinal)
        && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    public async Task<IReadOnlyList<SummaryListItem>> ListAsync(string? scope, string? period, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT summary_id, scope, period, published_at, on_demand FROM rm.summaries
            WHERE (@scope::text IS NULL OR scope = @scope::text) AND (@period::text IS NULL OR period = @period::text)
            ORDER BY scope, period, recorded_at, seq
            """);
        command.Parameters.AddWithValue("scope", NpgsqlTypes.NpgsqlDbType.Text, (object?)scope ?? DBNull.Value);
        command.Parameters.AddWithValue("period", NpgsqlTypes.NpgsqlDbType.Text, (object?)period ?? DBNull.Value);
        var items = new List<SummaryListItem>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            items.Add(new SummaryListItem(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.GetBoolean(4)));
        return items;
    }

    public async Task<SummaryPublished?> GetAsync(string id, CancellationToken ct)
    {
        var recorded = await store.ReadStreamAsync(id, toVersion: 1, ct: ct);
        return EventSerializer.DeserializeAll<SummaryPublished>(recorded).FirstOrDefault();
    }

    /// <summary>The most recent summary of the scope, automatic or on demand: what "since last" is measured from.</summary>
    public async Task<SummaryListItem?> LatestAsync(string scope, CancellationToken ct) =>
        (await ListAsync(scope, null, ct)).OrderBy(s => s.PublishedAt).LastOrDefault();

    /// <summary>Which of these stream ids already exist.</summary>
    public Task<IReadOnlySet<string>> ExistingAsync(IReadOnlyCollection<string> ids, CancellationToken ct) =>
        store.ExistingStreamsAsync(ids, ct);

    public async Task<int> OnDemandCountAsync(string scope, string month, CancellationToken ct) =>
        (await ListAsync(scope, month, ct)).Count(s => s.OnDemand);
}
