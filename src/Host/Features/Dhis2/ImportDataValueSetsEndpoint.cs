using System.Security.Cryptography;
using GovReport.Domain.Interop;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace GovReport.Host.Features.Dhis2;

/// <summary>
/// <c>POST /api/dhis2/dataValueSets[?dryRun=true][&amp;importStrategy=CREATE_AND_UPDATE|CREATE|UPDATE]</c>:
/// a dataValueSet (JSON) or an ADX message (<c>Content-Type: application/adx+xml</c>) imported as
/// reports by <see cref="Dhis2Importer"/>; answers DHIS2's import summary. A payload that cannot
/// be read at all is a 400 problem; a caller who may not file for one of its units gets 403 and
/// nothing is imported.
/// </summary>
internal static class ImportDataValueSetsEndpoint
{
    public static void Map(RouteGroupBuilder dhis2) => dhis2
        .MapPost("/dataValueSets", Import)
        .RequireAuthorization(Policies.WriteReports)
        .WithName("ImportDataValueSets")
        .WithSummary("Imports a DHIS2 dataValueSet (JSON or ADX) as submitted reports; answers DHIS2's import summary.")
        .Accepts<object>("application/json", Dhis2Endpoints.AdxMediaType)
        .Produces<ImportSummaryResponse>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    public static async Task<IResult> Import(
        string? dryRun, string? importStrategy, HttpContext http, Dhis2Mapping mapping, IOptions<Dhis2Options> options,
        Dhis2Importer importer, CancellationToken ct)
    {
        var errors = new InputErrors();
        var isDryRun = Flag(dryRun, "dryRun", errors);
        var strategy = (importStrategy?.Trim().ToUpperInvariant()) switch
        {
            null or "" or "CREATE_AND_UPDATE" or "NEW_AND_UPDATES" => ImportStrategy.CreateAndUpdate,
            "CREATE" or "NEW" => ImportStrategy.Create,
            "UPDATE" or "UPDATES" => ImportStrategy.Update,
            _ => Refuse(errors, importStrategy!),
        };
        var adx = IsAdx(http.Request.ContentType, out var known);
        if (!known) return Problems.UnsupportedMediaType($"Send application/json (a dataValueSet) or {Dhis2Endpoints.AdxMediaType}.");
        if (errors.Any) return errors.ToProblem();

        // Read once, whole (the body limit bounds it): the hash the events carry is of exactly these bytes.
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, ct);
        var body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(body.Span));

        List<Dhis2DataValue> values;
        try
        {
            var max = options.Value.MaxImportValues;
            values = adx ? DataValueSetReaders.ReadAdx(body, max) : DataValueSetReaders.ReadJson(body, max);
        }
        catch (PayloadRejectedException rejected)
        {
            return Problems.Validation("body", rejected.Message);
        }

        var (summary, refused) = await importer.ImportAsync(values, mapping, null, sha256, strategy, isDryRun, ct);
        if (refused is not null) return refused;
        return TypedResults.Ok(ImportSummaryResponse.From(summary!, strategy, isDryRun, sha256));
    }

    private static bool IsAdx(string? contentType, out bool known)
    {
        known = true;
        if (string.IsNullOrWhiteSpace(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var media)) return false;
        var type = media.MediaType.Value ?? "";
        if (type.Equals(Dhis2Endpoints.AdxMediaType, StringComparison.OrdinalIgnoreCase)) return true;
        known = type.Equals("application/json", StringComparison.OrdinalIgnoreCase);
        return false;
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

    private static ImportStrategy Refuse(InputErrors errors, string text)
    {
        errors.Add("importStrategy", text.Trim().Equals("DELETE", StringComparison.OrdinalIgnoreCase) || text.Trim().Equals("DELETES", StringComparison.OrdinalIgnoreCase)
            ? "DELETE is not supported: recorded figures are corrected, never deleted."
            : "'importStrategy' is CREATE_AND_UPDATE (the default), CREATE or UPDATE.");
        return ImportStrategy.CreateAndUpdate;
    }
}

/// <summary>DHIS2's ImportSummary, as its dataValueSets import answers it.</summary>
public sealed record ImportSummaryResponse(
    string ResponseType, string Status, string Description, ImportOptionsResponse ImportOptions,
    ImportCountResponse ImportCount, IReadOnlyList<ImportConflictResponse> Conflicts, string Source)
{
    internal static ImportSummaryResponse From(Dhis2ImportSummary summary, ImportStrategy strategy, bool dryRun, string sha256) => new(
        "ImportSummary", summary.Status,
        summary.Status switch
        {
            Dhis2ImportSummary.Success => "Import process completed successfully",
            Dhis2ImportSummary.Warning => "Import process completed with conflicts",
            _ => "Import process completed; nothing was imported",
        },
        new ImportOptionsResponse(dryRun, strategy switch
        {
            ImportStrategy.Create => "CREATE",
            ImportStrategy.Update => "UPDATE",
            _ => "CREATE_AND_UPDATE",
        }),
        new ImportCountResponse(summary.Imported, summary.Updated, summary.Ignored, 0),
        summary.Conflicts.Select(c => new ImportConflictResponse(c.Object, c.Value, c.Indexes)).ToArray(),
        $"dhis2:sha256:{sha256}");
}

public sealed record ImportOptionsResponse(bool DryRun, string ImportStrategy);

public sealed record ImportCountResponse(int Imported, int Updated, int Ignored, int Deleted);

public sealed record ImportConflictResponse(string Object, string Value, IReadOnlyList<int> Indexes);
