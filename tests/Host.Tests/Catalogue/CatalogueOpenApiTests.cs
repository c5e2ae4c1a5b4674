using System.Text.Json;
using GovReport.Host.Tests.Infrastructure;

namespace GovReport.Host.Tests.Catalogue;

public class CatalogueOpenApiTests(GovReportFactory factory) : IClassFixture<GovReportFactory>
{
    [Theory]
    [InlineData("/api/units/{unitId}", "put", "PutUnitRequest", "200", "UnitView")]
    [InlineData("/api/units/{unitId}", "put", "PutUnitRequest", "201", "UnitView")]
    [InlineData("/api/units", "get", null, "200", "UnitTreeView")]
    [InlineData("/api/units/{unitId}", "get", null, "200", "UnitDetailView")]
    [InlineData("/api/indicators/{code}", "put", "PutIndicatorRequest", "201", "IndicatorView")]
    [InlineData("/api/indicators", "get", null, "200", "IndicatorCatalogueView")]
    [InlineData("/api/indicators/{code}", "get", null, "200", "IndicatorView")]
    [InlineData("/api/units/{unitId}/targets/{year}", "put", "PutTargetsRequest", "200", "PlanView")]
    [InlineData("/api/units/{unitId}/targets/{year}", "get", null, "200", "PlanView")]
    [InlineData("/api/periods/{periodId}", "get", null, "200", "PeriodView")]
    public async Task Given_the_openapi_document_when_it_is_read_then_each_operation_names_its_request_and_response_schemas(
        string path, string method, string? request, string status, string response)
    {
        var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;

        var operation = document.GetProperty("paths").GetProperty(path).GetProperty(method);
        Assert.False(string.IsNullOrEmpty(operation.GetProperty("operationId").GetString()));
        Assert.False(string.IsNullOrEmpty(operation.GetProperty("summary").GetString()));
        if (request is not null)
            Assert.EndsWith("/" + request, SchemaRef(operation.GetProperty("requestBody")));
        Assert.EndsWith("/" + response, SchemaRef(operation.GetProperty("responses").GetProperty(status)));
        if (method == "put")
            Assert.True(operation.GetProperty("responses").TryGetProperty("400", out _), "writes document their validation problem");
    }

    private static string SchemaRef(JsonElement withContent) =>
        withContent.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()!;
}
