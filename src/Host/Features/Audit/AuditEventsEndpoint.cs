using System.Text.Json;
using GovReport.Domain;
using GovReport.Domain.Catalogue;
using GovReport.EventStore;
using GovReport.EventStore.Audit;
using GovReport.Host.Infrastructure.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace GovReport.Host.Features.Audit;

public sealed record AuditEvent(
    long Sequence, string Stream, long Version, string Type, DateTimeOffset RecordedAt,
    string Actor, string Source, string? Reason, string? CorrelationId, string? CausationId,
    JsonElement Data, string Hash);

/// <summary>
/// A page of the log; pass <see cref="Next"/> as <c>after</c> for the following page (null: no
/// more). The cursor is opaque to clients: "transaction.sequence" of the page's last event.
/// </summary>
public sealed record AuditEventsPage(IReadOnlyList<AuditEvent> Events, string? Next);

/// <summary>
/// <c>GET /api/audit/events?stream=…|unit=…&amp;from=…&amp;to=…&amp;after=…&amp;limit=…</c>: the recorded
/// events with who, when, why and the hash that chains them, in sequence order; JSON or CSV.
/// </summary>
internal static class AuditEventsEndpoint
{
    public const int DefaultLimit = 500;
    private static readonly TimeSpan HeldBackWait = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan HeldBackPoll = TimeSpan.FromMilliseconds(20);
    public const int MaxLimit = 5000;

    private static readonly string[] CsvHeaders =
        ["sequence", "stream", "version", "type", "recordedAt", "actor", "source", "reason", "correlationId", "causationId", "data", "hash"];

    public static void Map(RouteGroupBuilder audit) => audit
        .MapGet("/events", Get)
        .WithName("GetAuditEvents")
        .WithSummary("Recorded events of a stream or a unit within a recorded-time range, with their metadata and hashes.")
        .Produces<AuditEventsPage>()
        .Produces(StatusCodes.Status200OK, contentType: AuditCsv.MediaType)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status403Forbidden);

    public static async Task<Results<Ok<AuditEventsPage>, FileContentHttpResult, ProblemHttpResult>> Get(
        string? stream, string? unit, string? indicator, string? type, string? from, string? to, string? after, string? limit, string? format,
        HttpContext http, NpgsqlDataSource dataSource, CancellationToken ct)
    {
        var errors = new InputErrors();
        var filter = Filter(stream, unit, indicator, type, from, to, errors);
        var afterPosition = Cursor(after, errors);
        var pageSize = (int)AuditParameters.Number(limit, "limit", DefaultLimit, 1, MaxLimit, errors);
        if (errors.Any) return errors.ToProblem();

        var page = await ReadPageAsync(dataSource, filter, afterPosition, pageSize, ct);
        if (page.Next is not null) http.Response.Headers["X-Next-After"] = page.Next;

        if (!AuditCsv.Wanted(http.Request, format)) return TypedResults.Ok(page);
        return AuditCsv.File("audit-events.csv", CsvHeaders, page.Events.Select(e => (IReadOnlyList<object?>)
        [
            e.Sequence, e.Stream, e.Version, e.Type, e.RecordedAt, e.Actor, e.Source, e.Reason,
            e.CorrelationId, e.CausationId, e.Data.GetRawText(), e.Hash,
        ]));
    }

    /// <summary>The filter the query string asks for (shared with the auditor's event log page); each bad parameter is named in <paramref name="errors"/>.</summary>
    public static EventLogFilter Filter(string? stream, string? unit, string? indicator, string? type, string? from, string? to, InputErrors errors)
    {
        if (stream is not null && (string.IsNullOrWhiteSpace(stream) || stream.Length > 200))
            errors.Add("stream", "stream is a stream id of 1 to 200 characters, e.g. report-xa-nong-thuong-2022-08.");
        var unitId = AuditParameters.Unit(unit, errors, required: false);
        if (stream is not null && unit is not null)
            errors.Add("unit", "Filter by stream or by unit, not both.");
        IndicatorCode? code = string.IsNullOrWhiteSpace(indicator) ? null : AuditParameters.Indicator(indicator, errors);
        if (type is not null && !EventTypes.ByName.ContainsKey(type))
            errors.Add("type", $"type is a stored event name such as report_submitted or figures_corrected; '{type}' is not one.");
        var fromInstant = errors.Instant("from", from);
        var toInstant = errors.Instant("to", to);
        if (fromInstant is not null && toInstant is not null && toInstant < fromInstant)
            errors.Add("to", "to must not be before from.");
        return new EventLogFilter(stream, unitId?.Value, fromInstant, toInstant) { Type = type, Indicator = code?.Value };
    }

    /// <summary>One page of the log from <paramref name="after"/>, with the cursor of the next (null: no more).</summary>
    public static async Task<AuditEventsPage> ReadPageAsync(
        NpgsqlDataSource dataSource, EventLogFilter filter, SubscriptionPosition after, int pageSize, CancellationToken ct)
    {
        // Events that committed behind a still-running transaction of this database are not
        // readable yet: give them a moment, bounded at HeldBackWait, so an auditor sees what was
        // just written (a long import here can still outlast it; the next read shows them). The
        // wait comes before the read: once nothing is held back, everything committed so far is
        // below the barrier for good. Checked after the read, the transaction holding an event
        // back could end between the two, and the page would miss it with nothing left to wait for.
        for (var wait = 0; wait < HeldBackWait / HeldBackPoll && await EventLogQuery.AnyHeldBackAsync(dataSource, ct); wait++)
            await Task.Delay(HeldBackPoll, ct);
        // One more than asked tells whether there is a next page without a count.
        var rows = await EventLogQuery.ReadAsync(dataSource, filter, after, pageSize + 1, ct);
        var events = rows.Take(pageSize).Select(ToApi).ToList();
        return new AuditEventsPage(events, rows.Count > pageSize ? CursorOf(rows[pageSize - 1].Event.Position) : null);
    }

    private static AuditEvent ToApi(AuditedEvent row)
    {
        var (e, metadata) = (row.Event, row.Event.Metadata);
        using var data = JsonDocument.Parse(e.Data);
        return new AuditEvent(e.Sequence, e.StreamId, e.Version, e.Type, e.RecordedAt, metadata.Actor, metadata.Source,
            metadata.Reason, metadata.CorrelationId, metadata.CausationId, data.RootElement.Clone(), Convert.ToHexStringLower(row.Hash));
    }

    private static string CursorOf(SubscriptionPosition position) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{position.TransactionId}.{position.Sequence}");

    public static SubscriptionPosition Cursor(string? text, InputErrors errors)
    {
        if (string.IsNullOrEmpty(text)) return SubscriptionPosition.Start;
        var parts = text.Split('.');
        if (parts.Length == 2
            && ulong.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var tx)
            && long.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seq))
            return new SubscriptionPosition(tx, seq);
        errors.Add("after", "after is the next cursor of the previous page, e.g. 5123.40981.");
        return SubscriptionPosition.Start;
    }
}
