using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Reports;

namespace GovReport.Host.Tests.Restructuring;

/// <summary>The reports host with its clock on 1 September 2025, after the two-level reform of 1 July 2025.</summary>
public sealed class RestructuringFactory : ReportsFactory
{
    public static readonly DateTimeOffset AfterReform = new(2025, 9, 1, 8, 0, 0, TimeSpan.Zero);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Clock.Set(AfterReform);
        var average = await ClientAs(Roles.Admin).PutAsJsonAsync("/api/indicators/satisfaction-score",
            new { name = "Điểm hài lòng", measure = "điểm", aggregation = "average", direction = "higher-is-better" });
        Assert.True(average.IsSuccessStatusCode, await average.Content.ReadAsStringAsync());
    }
}

internal static class RestructuringRequests
{
    public const string Average = "satisfaction-score";

    public static async Task UnitAsync(this HttpClient client, string id, string kind, string? parentId)
    {
        var response = await client.PutAsJsonAsync($"/api/units/{id}", new { name = $"Đơn vị {id}", kind, parentId });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task SubmittedAsync(this HttpClient client, string unit, string month, params (string, decimal)[] values)
    {
        var response = await client.SubmitAsync(unit, month, values);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{unit} {month}: {await response.Content.ReadAsStringAsync()}");
    }

    public static Task<HttpResponseMessage> RestructureAsync(this HttpClient client, object body) =>
        client.PostAsJsonAsync("/api/restructurings", body);

    /// <summary>Posts a restructuring that must be recorded, and returns its id.</summary>
    public static async Task<string> RecordedAsync(this HttpClient client, object body)
    {
        var response = await client.RestructureAsync(body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
    }

    public static async Task<JsonElement> RowAsync(this HttpClient client, string unit, string period, string view, string indicator, DateTimeOffset? asOf = null)
    {
        var path = $"/api/units/{unit}/performance?period={period}&view={view}&indicator={indicator}"
            + (asOf is { } t ? $"&asOf={Uri.EscapeDataString(t.ToString("O"))}" : "");
        var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var rows = JsonDocument.Parse(text).RootElement.GetProperty("rows");
        return rows.EnumerateArray().Single().Clone();
    }

    public static decimal? Number(this JsonElement row, string field) =>
        row.GetProperty(field).ValueKind == JsonValueKind.Null ? null : row.GetProperty(field).GetDecimal();

    public static async Task<JsonElement> StatusAsync(this HttpClient client, string scope, string period, DateTimeOffset? asOf = null)
    {
        var response = await client.GetAsync($"/api/reporting-status?period={period}&scope={scope}"
            + (asOf is { } t ? $"&asOf={Uri.EscapeDataString(t.ToString("O"))}" : ""));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static string[] ExpectedUnits(this JsonElement status, string month) =>
        status.GetProperty("units").EnumerateArray().Where(u => u.GetProperty("month").GetString() == month)
            .Select(u => u.GetProperty("unit").GetString()!).Order(StringComparer.Ordinal).ToArray();
}
