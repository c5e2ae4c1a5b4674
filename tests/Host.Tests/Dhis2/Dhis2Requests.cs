using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace GovReport.Host.Tests.Dhis2;

internal static class Dhis2Requests
{
    public const string Path = "/api/dhis2/dataValueSets";
    public static readonly XNamespace Adx = "urn:ihe:qrph:adx:2015";

    public static string DataValueSet(params (string DataElement, string Period, string OrgUnit, string Value)[] values) =>
        JsonSerializer.Serialize(new
        {
            dataValues = values.Select(v => new { dataElement = v.DataElement, period = v.Period, orgUnit = v.OrgUnit, value = v.Value }),
        });

    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(this HttpClient client, string payload,
        string contentType = "application/json", string query = "")
    {
        var content = new StringContent(payload, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var response = await client.PostAsync(Path + query, content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Asserts a 200 import summary and returns (imported, updated, ignored, deleted).</summary>
    public static (int Imported, int Updated, int Ignored, int Deleted) Counts(this (HttpStatusCode Status, JsonElement Body) answer)
    {
        Assert.True(answer.Status == HttpStatusCode.OK, $"Expected 200, got {(int)answer.Status}: {answer.Body}");
        Assert.Equal("ImportSummary", answer.Body.GetProperty("responseType").GetString());
        var count = answer.Body.GetProperty("importCount");
        return (count.GetProperty("imported").GetInt32(), count.GetProperty("updated").GetInt32(),
            count.GetProperty("ignored").GetInt32(), count.GetProperty("deleted").GetInt32());
    }

    public static async Task<JsonElement> ExportAsync(this HttpClient client, string query)
    {
        var response = await client.GetAsync(Path + "?" + query);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<XDocument> ExportAdxAsync(this HttpClient client, string query)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Path + "?" + query);
        request.Headers.Accept.ParseAdd("application/adx+xml");
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/adx+xml", response.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(text);
    }

    /// <summary>Each data value as (dataElement, period, orgUnit, value), sorted, for comparing sets.</summary>
    public static List<(string, string, string, string)> Values(this JsonElement set) =>
        set.GetProperty("dataValues").EnumerateArray()
            .Select(v => (v.GetProperty("dataElement").GetString()!, v.GetProperty("period").GetString()!,
                v.GetProperty("orgUnit").GetString()!, v.GetProperty("value").GetString()!))
            .Sorted();

    /// <summary>Ordinal order, as the service sorts codes: a culture's order would put "Ix2" before "eY5".</summary>
    public static List<(string, string, string, string)> Sorted(this IEnumerable<(string, string, string, string)> values) =>
        values.OrderBy(v => string.Join('\u0001', v.Item1, v.Item2, v.Item3, v.Item4), StringComparer.Ordinal).ToList();

    public static string Sha256(string payload) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payload)));
}
