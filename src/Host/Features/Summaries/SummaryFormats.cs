namespace GovReport.Host.Features.Summaries;

internal static class SummaryFormats
{
    public const string Json = "application/json";
    public const string Csv = "text/csv";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>CSV or XLSX when the Accept header names it; JSON otherwise (including */*).</summary>
    public static string Negotiate(string accept)
    {
        if (accept.Contains(Xlsx, StringComparison.OrdinalIgnoreCase)) return Xlsx;
        if (accept.Contains(Csv, StringComparison.OrdinalIgnoreCase)) return Csv;
        return Json;
    }

    /// <summary>The column headings of a view's rows, shared by CSV and XLSX so both carry the same figures.</summary>
    public static readonly string[] RowHeadings =
    [
        "indicator", "name", "measure", "actual", "target", "percentOfTarget", "samePeriodLastYear",
        "changePercent", "status", "reportedMonths", "expectedMonths",
    ];
}
