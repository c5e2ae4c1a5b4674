using System.Text.Json;

namespace GovReport.Host.Tests.Reports;

public class ReportOpenApiTests(ReportsFactory factory) : IClassFixture<ReportsFactory>
{
    [Fact]
    public async Task Given_the_openapi_document_then_it_lists_every_report_operation_with_its_request_and_response_schemas()
    {
        var json = await factory.CreateClient().GetStringAsync("/openapi/v1.json");
        using var document = JsonDocument.Parse(json);

        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject())
            .Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("operationId", out _))
            .Select(o => o.Value.GetProperty("operationId").GetString())
            .ToHashSet();
        Assert.Superset(new HashSet<string?> { "SaveReportDraft", "SubmitReport", "ReturnReport", "ApproveReport",
            "CorrectReportFigures", "GetReport", "ListReports" }, operations);
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        foreach (var schema in new[] { "ReportBody", "ReturnBody", "CorrectionBody", "ReportResponse", "ReportList" })
            Assert.True(schemas.TryGetProperty(schema, out _), $"no {schema} schema");
    }
}
