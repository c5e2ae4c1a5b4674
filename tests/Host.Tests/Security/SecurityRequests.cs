using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovReport.Host.Tests.Reports;
using GovReport.Projections;
using Microsoft.Extensions.DependencyInjection;

namespace GovReport.Host.Tests.Security;

internal static class SecurityRequests
{
    public static async Task<(HttpStatusCode Status, JsonElement Body)> GetJsonAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostJsonAsync(this HttpClient client, string path, object? body = null)
    {
        var response = await client.PostAsJsonAsync(path, body ?? new { });
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Waits until the figure projection has read everything committed so far.</summary>
    public static async Task CaughtUpAsync(this ReportsFactory factory)
    {
        var caughtUp = await factory.Services.GetRequiredService<ProjectionFreshness>().WaitUntilFreshAsync(TimeSpan.FromSeconds(20));
        Assert.True(caughtUp.Reached, "the figure projection did not catch up");
    }

    public static JsonElement Row(this JsonElement performance, string indicator) =>
        performance.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("indicator").GetString() == indicator);
}
