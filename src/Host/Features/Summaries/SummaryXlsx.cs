using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GovReport.Domain.Summaries;

namespace GovReport.Host.Features.Summaries;

/// <summary>
/// A summary as a workbook: a sheet per view, one for reporting status and one for the lines.
/// Figures are numeric cells; the formats carry the vi-VN locale ([$-42A]) so Excel shows 175,158.
/// </summary>
internal static class SummaryXlsx
{
    private const uint Figure = 1, Percent = 2;

    public static byte[] Write(SummaryPublished summary)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();

            foreach (var view in summary.Views)
                AddSheet(workbook, view.View, [
                    [Text(view.Label), Text($"{view.From} – {view.To}")],
                    SummaryFormats.RowHeadings.Select(Text).ToArray(),
                    .. view.Rows.Select(r => new[]
                    {
                        Text(r.Indicator), Text(r.Name), Text(r.Measure), Number(r.Actual, Figure), Number(r.Target, Figure),
                        Number(r.PercentOfTarget, Percent), Number(r.SamePeriodLastYear, Figure), Number(r.ChangePercent, Percent),
                        Text(r.Status), Number(r.ReportedMonths, 0), Number(r.ExpectedMonths, 0),
                    }),
                ]);

            var s = summary.ReportingStatus;
            AddSheet(workbook, "reporting-status", [
                [Text("expected"), Text("submitted"), Text("onTime"), Text("late"), Text("missing")],
                [Number(s.Expected, 0), Number(s.Submitted, 0), Number(s.OnTime, 0), Number(s.Late, 0), Number(s.Missing, 0)],
                [Text("unit"), Text("name"), Text("state"), Text("submittedAt")],
                .. s.Units.Select(u => new[] { Text(u.Unit), Text(u.Name), Text(u.State), Text(u.SubmittedAt?.ToString("O") ?? "") }),
            ]);
            AddSheet(workbook, "lines", [[Text(summary.ScopeName), Text(summary.Label)], .. summary.Lines.Select(l => new[] { Text(l) })]);
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static void AddSheet(WorkbookPart workbook, string name, IEnumerable<Cell[]> rows)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        uint index = 1;
        foreach (var cells in rows)
        {
            var row = new Row { RowIndex = index };
            for (var c = 0; c < cells.Length; c++)
            {
                cells[c].CellReference = $"{Column(c)}{index}";
                row.Append(cells[c]);
            }
            data.Append(row);
            index++;
        }
        part.Worksheet = new Worksheet(data);
        var sheets = workbook.Workbook.Sheets!;
        sheets.Append(new Sheet
        {
            Id = workbook.GetIdOfPart(part), SheetId = (uint)sheets.ChildElements.Count + 1, Name = name,
        });
    }

    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : $"A{(char)('A' + index - 26)}";

    // An inline string never runs as a formula here, but a sheet saved again as CSV would run it there.
    private static Cell Text(string text) =>
        new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Infrastructure.Spreadsheets.SpreadsheetText.Escape(text)) { Space = SpaceProcessingModeValues.Preserve }) };

    private static Cell Number(decimal? value, uint style) => value is { } v
        ? new Cell { DataType = CellValues.Number, CellValue = new CellValue(v), StyleIndex = style }
        : new Cell();

    private static Stylesheet Styles() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "[$-42A]#,##0.###" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "[$-42A]#,##0.00" }) { Count = 2 },
        new Fonts(new Font()) { Count = 1 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true }) { Count = 3 });
}
