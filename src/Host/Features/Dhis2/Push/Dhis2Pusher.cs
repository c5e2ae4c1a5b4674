using System.IO.Pipelines;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GovReport.Domain.Interop;
using GovReport.Domain.Reports;
using GovReport.EventStore;
using GovReport.Host.Infrastructure.Messaging;
using GovReport.Host.Infrastructure.Writes;
using GovReport.Projections.Queries;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GovReport.Host.Features.Dhis2.Push;

/// <summary>
/// Pushes the figures of one approval event to DHIS2, at most once per event. Under the fact's
/// lock: done already → nothing; superseded by a later event of the report already pushed →
/// recorded, nothing sent (a retried old message must not overwrite newer figures); otherwise the
/// report as it stood at that version goes out as a dataValueSet, and only a success is recorded.
/// A failure throws, and Wolverine retries with back-off.
/// </summary>
public sealed class Dhis2Pusher(
    NpgsqlDataSource dataSource, PgEventStore store, IHttpClientFactory http, IOptions<Dhis2Options> options,
    Dhis2Mapping mapping, TimeProvider clock, ILogger<Dhis2Pusher> log)
{
    public async Task PushAsync(PushApprovedFigures message, CancellationToken ct)
    {
        await using var fact = await FactLock.AcquireAsync(dataSource, $"dhis2-push:{message.StreamId}:{message.Version}", ct);
        if (await OutcomeAsync(fact.Connection, message, ct) is { } done)
        {
            log.LogInformation("DHIS2 push of {Stream}@{Version} already {Outcome}; not sent again", message.StreamId, message.Version, done);
            return;
        }

        var recorded = await store.ReadStreamAsync(message.StreamId, toVersion: message.Version, ct: ct);
        var report = ReportDecider.Decider.Fold(EventUpcasts.Decode<ReportEvent>(recorded));
        if (report.Status != ReportStatus.Approved)
        {
            await RecordAsync(fact.Connection, message, "not-approved", null, ct);
            return;
        }
        var payload = await PayloadAsync(message, report, recorded[^1].RecordedAt, ct);
        await SendAsync(payload, ct);
        await RecordAsync(fact.Connection, message, "pushed", payload, ct);
        log.LogInformation("Pushed {Unit} {Month} ({Stream}@{Version}) to DHIS2", message.Unit, message.Month, message.StreamId, message.Version);
    }

    private static async Task<string?> OutcomeAsync(NpgsqlConnection connection, PushApprovedFigures message, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT CASE WHEN version = @version THEN outcome ELSE 'superseded' END FROM app.dhis2_pushes
            WHERE stream_id = @stream AND (version = @version OR (version > @version AND outcome = 'pushed'))
            ORDER BY version = @version DESC LIMIT 1
            """, connection);
        command.Parameters.AddWithValue("stream", message.StreamId);
        command.Parameters.AddWithValue("version", message.Version);
        return await command.ExecuteScalarAsync(ct) as string;
    }

    private async Task RecordAsync(NpgsqlConnection connection, PushApprovedFigures message, string outcome, string? payload, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO app.dhis2_pushes (stream_id, version, unit_id, month, outcome, payload, pushed_at)
            VALUES (@stream, @version, @unit, @month, @outcome, @payload, @at)
            ON CONFLICT (stream_id, version) DO NOTHING
            """, connection);
        command.Parameters.AddWithValue("stream", message.StreamId);
        command.Parameters.AddWithValue("version", message.Version);
        command.Parameters.AddWithValue("unit", message.Unit);
        command.Parameters.AddWithValue("month", message.Month);
        command.Parameters.AddWithValue("outcome", outcome);
        command.Parameters.AddWithValue("payload", (object?)payload ?? DBNull.Value);
        command.Parameters.AddWithValue("at", clock.GetUtcNow());
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The export's own writer, so a pushed value reads exactly as an exported one.</summary>
    private async Task<string> PayloadAsync(PushApprovedFigures message, MonthlyReport report, DateTimeOffset since, CancellationToken ct)
    {
        var figures = report.Values.ToDictionary(v => v.Indicator.Value, v => v.Value);
        using var buffer = new MemoryStream();
        var pipe = PipeWriter.Create(buffer, new StreamPipeWriterOptions(leaveOpen: true));
        await using (var writer = new Dhis2JsonWriter(pipe, mapping))
        {
            await writer.StartAsync(ct);
            await writer.WriteAsync(new OfficialFigureSet(message.Unit, message.Month, figures, since), ct);
            await writer.EndAsync(ct);
        }
        await pipe.CompleteAsync();
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private async Task SendAsync(string payload, CancellationToken ct)
    {
        var push = options.Value.Push;
        using var request = new HttpRequestMessage(HttpMethod.Post, push.Endpoint)
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        if (!string.IsNullOrWhiteSpace(push.Token))
            request.Headers.Authorization = new AuthenticationHeaderValue("ApiToken", push.Token);
        else if (!string.IsNullOrWhiteSpace(push.Username))
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{push.Username}:{push.Password}")));
        using var response = await http.CreateClient(OutboundHttp.Dhis2).SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
            throw new OutboundRefusedException($"DHIS2 answered {(int)response.StatusCode} to the push.");
        if (ImportStatus(body) == "ERROR")
            throw new OutboundRefusedException("DHIS2 refused the import (status ERROR).");
    }

    /// <summary>DHIS2 answers 200 with an import summary whose status may still be ERROR (2.36+ wraps it in <c>response</c>).</summary>
    private static string? ImportStatus(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            if (root.TryGetProperty("response", out var inner) && inner.ValueKind == JsonValueKind.Object) root = inner;
            return root.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String ? status.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
