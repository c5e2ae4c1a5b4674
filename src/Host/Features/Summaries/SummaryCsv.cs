using System.Globalization;
using System.Text;
using GovReport.Domain.Summaries;
using GovReport.Host.Infrastructure.Spreadsheets;

namespace GovReport.Host.Features.Summaries;

/// <summary>
/// A summary as CSV: UTF-8 with a BOM (Excel otherwise garbles Vietnamese), one section per view,
/// then reporting status, narratives and lines. Figures are written invariantly (175.158) so the
/// file carries exactly the numbers of the JSON; the XLSX is the format for display.
/// </summary>
internal static class SummaryCsv
{
    public static byte[] Write(SummaryPublished summary)
    {
        var csv = new StringBuilder();
        Row(csv, "summary", summary.Id, summary.Scope, summary.ScopeName, summary.Period.ToString(), summary.Label,
            summary.PublishedAt.ToString("O", CultureInfo.InvariantCulture), summary.OnDemand ? "on-demand" : "automatic");
        foreach (var view in summary.Views)
        {
            csv.Append("\r\n");
            Row(csv, "view", view.View, view.Label, view.From.ToString(), view.To.ToString());
            Row(csv, [.. SummaryFormats.RowHeadings]);
            foreach (var r in view.Rows)
                Row(csv, r.Indicator, r.Name, r.Measure, N(r.Actual), N(r.Target), N(r.PercentOfTarget),
                    N(r.SamePeriodLastYear), N(r.ChangePercent), r.Status, N(r.ReportedMonths), N(r.ExpectedMonths));
        }

        var status = summary.ReportingStatus;
        csv.Append("\r\n");
        Row(csv, "reporting-status", N(status.Expected), N(status.Submitted), N(status.OnTime), N(status.Late), N(status.Missing));
        Row(csv, "unit", "name", "state", "submittedAt");
        foreach (var u in status.Units)
            Row(csv, u.Unit, u.Name, u.State, u.SubmittedAt?.ToString("O", CultureInfo.InvariantCulture) ?? "");

        csv.Append("\r\n");
        Row(csv, "narratives");
        Row(csv, "unit", "name", "difficulties", "proposals");
        foreach (var n in summary.Narratives) Row(csv, n.Unit, n.Name, n.Difficulties ?? "", n.Proposals ?? "");

        csv.Append("\r\n");
        Row(csv, "corrected-since-last", summary.PreviousSummaryId ?? "");
        Row(csv, "unit", "indicator", "month", "previous", "value");
        foreach (var c in summary.CorrectedSinceLast) Row(csv, c.Unit, c.Indicator, c.Month.ToString(), N(c.Previous), N(c.Value));

        csv.Append("\r\n");
        Row(csv, "lines");
        foreach (var line in summary.Lines) Row(csv, line);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    // RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled; lines end in CRLF.
    private static void Row(StringBuilder csv, params object[] fields) =>
        csv.Append(string.Join(',', fields.Select(Field))).Append("\r\n");

    // Text is defused before quoting; a number (N) is written as is, so a fall of -1.62 stays a number.
    private static string Field(object field)
    {
        var text = field is Number n ? n.Text : SpreadsheetText.Escape((string)field);
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? '"' + text.Replace("\"", "\"\"") + '"' : text;
    }

    private readonly record struct Number(string Text);

    private static Number N(decimal? value) => new(value?.ToString(CultureInfo.InvariantCulture) ?? "");

    private static Number N(int value) => new(value.ToString(CultureInfo.InvariantCulture));
}
