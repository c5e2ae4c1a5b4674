using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace GovReport.Host.Tests.Reports;

internal static class ReportRequests
{
    public static string PathOf(string unit, string month, string? action = null) =>
        $"/api/units/{unit}/reports/{month}" + (action is null ? "" : "/" + action);

    public static object Figures(params (string Indicator, decimal Value)[] values) =>
        new { values = values.Select(v => new { indicator = v.Indicator, value = v.Value }).ToArray() };

    public static Task<HttpResponseMessage> SaveDraftAsync(this HttpClient client, string unit, string month, params (string, decimal)[] values) =>
        client.PutAsJsonAsync(PathOf(unit, month), Figures(values));

    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string unit, string month, params (string, decimal)[] values) =>
        values.Length == 0
            ? client.PostAsync(PathOf(unit, month, "submit"), null)
            : client.PostAsJsonAsync(PathOf(unit, month, "submit"), Figures(values));

    public static Task<HttpResponseMessage> ReturnAsync(this HttpClient client, string unit, string month, string? reason) =>
        client.PostAsJsonAsync(PathOf(unit, month, "return"), new { reason });

    public static Task<HttpResponseMessage> ApproveAsync(this HttpClient client, string unit, string month) =>
        client.PostAsync(PathOf(unit, month, "approve"), null);

    public static Task<HttpResponseMessage> CorrectAsync(this HttpClient client, string unit, string month, string? reason, params (string, decimal)[] values) =>
        client.PostAsJsonAsync(PathOf(unit, month, "corrections"),
            new { values = values.Select(v => new { indicator = v.Item1, value = v.Item2 }).ToArray(), reason });

    public static Task<HttpResponseMessage> GetReportAsync(this HttpClient client, string unit, string month, DateTimeOffset? asOf = null) =>
        client.GetAsync(PathOf(unit, month) + (asOf is { } t ? $"?asOf={Uri.EscapeDataString(t.ToString("O"))}" : ""));

    /// <summary>Asserts a 200 with a report body whose ETag is its version, and returns the body.</summary>
    public static async Task<JsonElement> ReportAsync(this Task<HttpResponseMessage> pending)
    {
        var response = await pending;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {body}");
        var json = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal($"\"{json.GetProperty("version").GetInt64()}\"", response.Headers.ETag?.ToString());
        return json;
    }

    public static decimal? ValueOf(this JsonElement report, string indicator) =>
        report.GetProperty("values").EnumerateArray()
            .Where(v => v.GetProperty("indicator").GetString() == indicator)
            .Select(v => (decimal?)v.GetProperty("value").GetDecimal())
            .SingleOrDefault();
}
