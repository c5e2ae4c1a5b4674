using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GovReport.Host.Tests.Infrastructure;
using Npgsql;

namespace GovReport.Host.Tests.Catalogue;

/// <summary>Small helpers the catalogue, target and period tests share.</summary>
internal static class ApiTestSupport
{
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Expected success, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, object body) =>
        client.PutAsJsonAsync(path, body);

    /// <summary>Every event ever appended: a rejected request must leave this unchanged.</summary>
    public static async Task<long> EventCountAsync(this GovReportFactory factory)
    {
        // The host migrates the log when it starts; a test may count before its first request.
        _ = factory.Server;
        await using var connection = new NpgsqlConnection(factory.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM es.events", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static string[] ErrorFields(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();

    public static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    public static async Task<HttpResponseMessage> EnsureUnitAsync(this HttpClient client, string id, string kind = "district", string? parentId = null)
    {
        var response = await client.PutJsonAsync($"/api/units/{id}", new { name = $"Đơn vị {id}", kind, parentId });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return response;
    }

    public static async Task EnsureIndicatorAsync(this HttpClient client, string code, string measure = "ha", bool allowsNegative = false)
    {
        var response = await client.PutJsonAsync($"/api/indicators/{code}",
            new { name = $"Chỉ tiêu {code}", measure, aggregation = "sum", direction = "higher-is-better", allowsNegative });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
