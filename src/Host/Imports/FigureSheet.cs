using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GovReport.Host.Imports;

/// <summary>
/// One line of a figures file: the indicator as written (code or name) and the value, either as
/// text to be read in the file's number culture or, from a numeric spreadsheet cell, exactly.
/// </summary>
internal sealed record SheetRow(int Line, string Indicator, string? Text, decimal? Number);

/// <summary>
/// Reads a unit's monthly figures from a two-column file: CSV (UTF-8; ',', ';', tab or '|', detected)
/// or the first sheet of an XLSX workbook. Blank lines are skipped, and so is a first line that
/// is a heading ("indicator", "chỉ tiêu", "code" or "mã"). Anything else that is not two cells is
/// an error naming its line: a vi-VN decimal comma in a comma-separated file splits the value, and
/// the reader never guesses which comma was meant.
/// </summary>
internal static class FigureSheet
{
    private static readonly string[] Headings = ["indicator", "chỉ tiêu", "chi tieu", "code", "mã", "ma"];

    /// <param name="name">The file's name: its extension says which format the bytes are in.</param>
    public static (IReadOnlyList<SheetRow> Rows, IReadOnlyList<string> Errors) Read(string name, byte[] content)
    {
        var lines = Path.GetExtension(name).ToLowerInvariant() switch
        {
            ".csv" or ".txt" => ReadCsv(content),
            ".xlsx" => ReadXlsx(content),
            _ => throw new InvalidDataException("give a .csv or .xlsx file."),
        };
        var rows = new List<SheetRow>();
        var errors = new List<string>();
        foreach (var (line, cells, number) in lines)
        {
            var filled = cells.Select(c => c?.Trim() ?? "").ToList();
            while (filled.Count > 0 && filled[^1].Length == 0) filled.RemoveAt(filled.Count - 1);
            if (filled.Count == 0) continue;
            if (rows.Count == 0 && errors.Count == 0 && IsHeading(filled[0])) continue;
            if (filled.Count != 2 || filled[0].Length == 0)
            {
                errors.Add($"line {line}: expected two cells, the indicator and its value; found {filled.Count}" +
                           (filled.Count > 2 ? " (a decimal comma needs ';' as the separator, or quotes)" : "") + ".");
                continue;
            }
            rows.Add(new SheetRow(line, filled[0], number is null ? filled[1] : null, number));
        }
        return (rows, errors);
    }

    private static bool IsHeading(string cell) =>
        Headings.Contains(cell.Normalize(System.Text.NormalizationForm.FormC).ToLowerInvariant());

    private static List<(int Line, IReadOnlyList<string?> Cells, decimal? Number)> ReadCsv(byte[] content)
    {
        // No separator given: CsvHelper detects ',', ';', tab or '|' (and Excel's "sep=;" line).
        var options = new CsvReaderOptions { HasHeader = false, TrackLineNumbers = true };
        using var csv = CsvReader.Create(content, options);
        var lines = new List<(int, IReadOnlyList<string?>, decimal?)>();
        while (csv.Read())
            lines.Add(((int)csv.LineNumber, Enumerable.Range(0, csv.FieldCount).Select(i => (string?)csv.GetString(i)).ToList(), (decimal?)null));
        return lines;
    }

    /// <summary>The first worksheet, column A and B of every row; a numeric B cell is taken exactly.</summary>
    private static List<(int Line, IReadOnlyList<string?> Cells, decimal? Number)> ReadXlsx(byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("the workbook is missing.");
        var first = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()
            ?? throw new InvalidDataException("the workbook has no sheet.");
        var sheet = (WorksheetPart)workbook.GetPartById(first.Id!.Value!);
        var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var lines = new List<(int, IReadOnlyList<string?>, decimal?)>();
        foreach (var row in sheet.Worksheet.Descendants<Row>())
        {
            var line = (int)(row.RowIndex?.Value ?? (uint)(lines.Count + 1));
            var cells = row.Elements<Cell>().GroupBy(c => Column(c.CellReference?.Value)).ToDictionary(g => g.Key, g => g.First());
            var indicator = cells.TryGetValue("A", out var a) ? Text(a, strings) : null;
            var value = cells.TryGetValue("B", out var b) ? Text(b, strings) : null;
            var number = b is not null && IsNumeric(b) && decimal.TryParse(b.CellValue?.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
                ? n : (decimal?)null;
            var extra = cells.Keys.Where(k => k is not ("A" or "B")).Select(k => Text(cells[k], strings)).Where(t => !string.IsNullOrWhiteSpace(t));
            lines.Add((line, [indicator, value, .. extra], number));
        }
        return lines;
    }

    private static bool IsNumeric(Cell cell) => cell.DataType is null || cell.DataType.Value == CellValues.Number;

    private static string? Text(Cell cell, List<string> strings)
    {
        if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(cell.CellValue?.Text, out var index))
            return index >= 0 && index < strings.Count ? strings[index] : null;
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText;
        return cell.CellValue?.Text;
    }

    private static string Column(string? reference) => new((reference ?? "").TakeWhile(char.IsLetter).ToArray());
}
