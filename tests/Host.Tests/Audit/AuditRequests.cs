using System.Net;
using System.Text.Json;
using GovReport.EventStore;
using GovReport.Host.Tests.Reports;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GovReport.Host.Tests.Audit;

internal static class AuditRequests
{
    public static async Task<JsonElement> JsonAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: expected 200, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static string Q(DateTimeOffset instant) => Uri.EscapeDataString(instant.ToString("O"));

    public static async Task ExecuteAsync(this ReportsFactory factory, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = factory.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Edits one stored event behind the append-only trigger, as a table owner could.</summary>
    public static Task TamperAsync(this ReportsFactory factory, string stream, long version, string newData) =>
        factory.ExecuteAsync("""
            ALTER TABLE es.events DISABLE TRIGGER USER;
            UPDATE es.events SET data = @data::jsonb WHERE stream_id = @stream AND version = @version;
            ALTER TABLE es.events ENABLE TRIGGER USER;
            """, ("data", newData), ("stream", stream), ("version", version));

    public static Task<AppendResult> AppendNoteAsync(this ReportsFactory factory, string stream) =>
        factory.Services.GetRequiredService<PgEventStore>().AppendAsync(stream, ExpectedVersion.Any,
            [new NewEvent("audit_test_note", """{"note":"x"}""", new EventMetadata("test-seed", "test"))]);
}
