using System.Net;
using System.Text.Json;
using GovReport.Host.Api;

namespace GovReport.Host.Tests.Infrastructure;

public static class ProblemAssert
{
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
        Assert.Equal(Problems.TypeOf(actualCode!), json.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(json.GetProperty("traceId").GetString()));
        return json;
    }
}
