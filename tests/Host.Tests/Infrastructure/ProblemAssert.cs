using System.Net;
using System.Text.Json;

namespace GovReport.Host.Tests.Infrastructure;

public static class ProblemAssert
{
    /// <summary>Written out, not taken from the host: a client keys on this string, so a change to it must fail here.</summary>
    public const string ProblemTypeBase = "https://govreport.dev/problems/";

    /// <summary>Asserts an RFC 9457 problem with our stable type and code, and returns its JSON.</summary>
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? code = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, json.GetProperty("status").GetInt32());
        var actualCode = json.GetProperty("code").GetString();
        if (code is not null) Assert.Equal(code, actualCode);
        Assert.Equal(ProblemTypeBase + actualCode, json.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(json.GetProperty("traceId").GetString()));
        return json;
    }
}
