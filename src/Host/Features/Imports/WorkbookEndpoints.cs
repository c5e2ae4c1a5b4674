using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Correlation;
using GovReport.Host.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace GovReport.Host.Features.Imports;

/// <summary>
/// <c>POST /api/imports/workbook?month=2022-08[&amp;submit=true][&amp;partial=true][&amp;culture=vi-VN]</c>:
/// a multi-unit workbook as the request body (<c>text/csv</c> or the .xlsx media type), imported
/// by <see cref="WorkbookImporter"/> with the caller's rights: a caller who may not file for every
/// unit in it gets 403 and nothing is imported. A bad line is a 400 problem naming every line
/// (<c>lines</c>: place, unit, indicator, message) and nothing is appended; with <c>partial=true</c>
/// the good units are saved and the answer (200) lists the refused ones.
/// </summary>
public sealed class WorkbookEndpoints : IApiModule
{
    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public void Map(RouteGroupBuilder api) => api
        .MapPost("/imports/workbook", Import)
        .WithTags("Imports")
        .RequireAuthorization(Policies.WriteReports)
        .WithMetadata(new RequestSizeLimitAttribute(WorkbookLimits.MaxBytes))
        .WithName("ImportWorkbook")
        .WithSummary("Imports one month's figures of several units from a workbook (.xlsx or .csv), all or nothing, or partially.")
        .Accepts<byte[]>("text/csv", XlsxMediaType)
        .Produces<WorkbookResponse>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    internal static async Task<IResult> Import(
        string? month, string? submit, string? partial, string? culture, HttpContext http, RequestContext context,
        CallerAccess access, IServiceProvider services, CancellationToken ct)
    {
        var name = FileName(http.Request.ContentType);
        if (name is null) return Problems.UnsupportedMediaType($"Send the workbook as text/csv (UTF-8) or {XlsxMediaType}.");
        var errors = new InputErrors();
        if (string.IsNullOrWhiteSpace(month)) errors.Add("month", "Give the month the workbook reports: month=2022-08.");
        var isSubmit = Flag(submit, "submit", errors);
        var isPartial = Flag(partial, "partial", errors);
        if (!ImportVerb.TryCulture(culture ?? "vi-VN", out var numbers)) errors.Add("culture", "culture is vi-VN (the default), en-US or unknown.");
        if (errors.Any) return errors.ToProblem();

        // Read once, whole (the size limit bounds it): the hash the events carry is of exactly these bytes.
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, ct);
        var importer = ActivatorUtilities.CreateInstance<WorkbookImporter>(services);
        WorkbookResult result;
        try
        {
            result = await importer.ImportAsync(new WorkbookRequest(name, buffer.ToArray(), month!.Trim(), numbers, isSubmit, isPartial,
                context.CurrentUser!.Subject, context.CorrelationId, (unit, token) => access.AllowsAsync(UnitAction.File, unit, token)), ct);
        }
        catch (SheetRejectedException rejected)
        {
            return rejected.Problem == SheetProblem.TooLarge ? Problems.TooLarge(rejected.Message) : Problems.Validation("body", rejected.Message);
        }
        catch (CsvHelper.CsvFormatException e)
        {
            return Problems.Validation("body", $"the CSV cannot be read ({e.Message.Split('\n')[0].TrimEnd('.')}).");
        }
        if (result.Forbidden is { } forbidden) return Problems.Forbidden(forbidden);
        if (result.HasErrors && (!isPartial || result.Units.All(u => u.Status == "refused")))
        {
            var problem = Problems.Validation(
                result.Errors.GroupBy(e => e.Where).ToDictionary(g => g.Key, g => g.Select(e => e.ToString()).ToArray()),
                "Nothing was imported: every line named must be put right (or import with partial=true to save the good units).");
            problem.ProblemDetails.Extensions["lines"] = result.Errors;
            problem.ProblemDetails.Extensions["source"] = result.Source;
            return problem;
        }
        return TypedResults.Ok(new WorkbookResponse(result.Source, result.Month, result.Appended, result.Units, result.Errors));
    }

    /// <summary>The format by media type, as a file name the readers judge by its extension.</summary>
    private static string? FileName(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var media)) return null;
        var type = media.MediaType.Value ?? "";
        return type.Equals("text/csv", StringComparison.OrdinalIgnoreCase) ? "workbook.csv"
            : type.Equals(XlsxMediaType, StringComparison.OrdinalIgnoreCase) ? "workbook.xlsx"
            : null;
    }

    private static bool Flag(string? text, string field, InputErrors errors)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "false": return false;
            case "true": return true;
            default:
                errors.Add(field, $"'{field}' is true or false.");
                return false;
        }
    }
}

/// <summary>The answer to a workbook import: each unit's outcome, and with <c>partial</c> the lines refused.</summary>
public sealed record WorkbookResponse(
    string Source, string Month, int Appended, IReadOnlyList<WorkbookUnitOutcome> Units, IReadOnlyList<WorkbookError> Refused);
