using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovReport.Host.Features.Audit;

/// <summary>
/// CSV for auditors' spreadsheets: UTF-8 with a BOM (Excel otherwise misreads Vietnamese),
/// invariant numbers and ISO 8601 instants, the same column names as the JSON.
/// </summary>
internal static class AuditCsv
{
    public const string MediaType = "text/csv";

    /// <summary>True when the caller asked for CSV, by Accept header or by <c>format=csv</c>.</summary>
    public static bool Wanted(HttpRequest request, string? format) =>
        string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
        || request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(MediaType, StringComparison.OrdinalIgnoreCase));

    // Reasons and actors are free text: a spreadsheet must never run them as formulas.
    private static readonly CsvWriterOptions Options = Infrastructure.Spreadsheets.SpreadsheetText.CsvOptions();

    public static FileContentHttpResult File(string fileName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, Options, leaveOpen: true))
        {
            foreach (var header in headers) csv.WriteField(header);
            csv.EndRecord();
            foreach (var row in rows)
            {
                foreach (var field in row) Write(csv, field);
                csv.EndRecord();
            }
        }
        return TypedResults.File(buffer.ToArray(), $"{MediaType}; charset=utf-8", fileName);
    }

    // Numbers and instants go through the typed overloads, so a negative figure stays a number.
    private static void Write(CsvWriter csv, object? value)
    {
        switch (value)
        {
            case null: csv.WriteField((string?)null); break;
            case long number: csv.WriteField(number, default); break;
            case decimal number: csv.WriteField(number, default); break;
            case DateTimeOffset instant: csv.WriteField(instant.ToUniversalTime(), "O"); break;
            default: csv.WriteField(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }
}
