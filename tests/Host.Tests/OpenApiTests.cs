using System.Net;
using System.Text.Json;
using GovReport.Host.Tests.Infrastructure;

namespace GovReport.Host.Tests;

public class OpenApiTests(GovReportFactory factory) : IClassFixture<GovReportFactory>
{
    [Fact]
    public async Task The_document_is_served_anonymously_and_declares_the_bearer_scheme()
    {
        var response = await factory.CreateClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var scheme = json.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.Equal("Bearer", json.GetProperty("security")[0].EnumerateObject().Single().Name);
        var ready = json.GetProperty("paths").GetProperty("/health/ready").GetProperty("get");
        Assert.Equal(0, ready.GetProperty("security").GetArrayLength());
    }
}
