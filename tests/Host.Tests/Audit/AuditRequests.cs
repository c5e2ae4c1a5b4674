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

    /// <summary>Changes the first figure of one stored report event behind the append-only trigger, as a table owner could.</summary>
    public static Task TamperFigureAsync(this ReportsFactory factory, string stream, long version) =>
        factory.ExecuteAsync("""
            ALTER TABLE es.events DISABLE TRIGGER USER;
            UPDATE es.events SET data = jsonb_set(data, '{values,0,value}', '99') WHERE stream_id = @stream AND version = @version;
            ALTER TABLE es.events ENABLE TRIGGER USER;
            """, ("stream", stream), ("version", version));

    /// <summary>Runs a CLI verb against the test host's services; returns its exit code, stdout and stderr.</summary>
    public static async Task<(int Exit, JsonElement Output, string Errors)> RunVerbAsync(
        this ReportsFactory factory, Func<IServiceProvider, string[], TextWriter, TextWriter, CancellationToken, Task<int>> verb, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await verb(factory.Services, args, stdout, stderr, CancellationToken.None);
        var text = stdout.ToString();
        return (exit, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), stderr.ToString());
    }

    public static Task<AppendResult> AppendNoteAsync(this ReportsFactory factory, string stream) =>
        factory.Services.GetRequiredService<PgEventStore>().AppendAsync(stream, ExpectedVersion.Any,
            [new NewEvent("audit_test_note", """{"note":"x"}""", new EventMetadata("test-seed", "test"))]);
}
