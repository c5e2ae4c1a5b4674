using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GovReport.Host.Features.Imports;

/// <summary>
/// The first worksheet of a workbook, streamed: the zip is judged first (<see cref="ZipGuard"/>),
/// then the shared strings and the sheet are read element by element, never as a whole
/// document, each part capped by the XML reader and every row, cell and character counted
/// against <see cref="SheetLimits"/>. Columns A and B of each row; a numeric B cell is exact.
/// </summary>
internal static class XlsxCells
{
    private static readonly OpenSettings Settings = new() { MaxCharactersInPart = SheetLimits.MaxCharactersInPart, AutoSave = false };

    public static List<SheetLine> Read(byte[] content) =>
        Open(content, firstOnly: true)[0].Lines.Select(ToSheetLine).ToList();

    /// <summary>
    /// Every worksheet of the workbook with its name, every column of each row: a multi-unit
    /// workbook (<see cref="UnitWorkbook"/>). Chart sheets are passed over; the caps of
    /// <see cref="SheetLimits"/> hold for the workbook as a whole.
    /// </summary>
    public static List<NamedSheet> ReadSheets(byte[] content) => Open(content, firstOnly: false);

    private static List<NamedSheet> Open(byte[] content, bool firstOnly)
    {
        ZipGuard.Check(content);
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = SpreadsheetDocument.Open(stream, isEditable: false, Settings);
            var workbook = document.WorkbookPart ?? throw new SheetRejectedException(SheetProblem.NotAWorkbook,
                "the file is not a readable .xlsx workbook (a zip without a workbook in it).");
            var budget = new TextBudget();
            var cells = new CellCount();
            if (firstOnly)
            {
                var (name, first) = FirstWorksheet(workbook);
                var strings = SharedStrings(workbook, budget);
                return [new NamedSheet(name, Lines(first, strings, budget, cells))];
            }
            var sheets = Worksheets(workbook);
            var shared = SharedStrings(workbook, budget);
            return sheets.Select(s => new NamedSheet(s.Name, Lines(s.Part, shared, budget, cells))).ToList();
        }
        catch (XmlException e) when (e.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal))
        {
            throw new SheetRejectedException(SheetProblem.TooMuchText,
                $"a part of the workbook is longer than {SheetLimits.MaxCharactersInPart:N0} characters; a month's sheet is far shorter.");
        }
        catch (Exception e) when (e is XmlException or OpenXmlPackageException or FileFormatException or InvalidDataException
                                      or IOException or InvalidOperationException or KeyNotFoundException)
        {
            throw new SheetRejectedException(SheetProblem.NotAWorkbook, $"the file is not a readable .xlsx workbook ({FirstLine(e.Message)}).");
        }
    }

    /// <summary>Columns A and B of a row, a numeric B exact, and the other filled cells after them.</summary>
    private static SheetLine ToSheetLine(WideLine line)
    {
        var a = line.Cells.GetValueOrDefault(1);
        var b = line.Cells.GetValueOrDefault(2);
        var extra = line.Cells.Where(c => c.Key > 2).Select(c => c.Value.Text).Where(t => !string.IsNullOrWhiteSpace(t));
        return new SheetLine(line.Line, [a?.Text, b?.Text, .. extra], b?.Number);
    }

    private static List<(string Name, WorksheetPart Part)> Worksheets(WorkbookPart workbook)
    {
        var sheets = new List<(string, WorksheetPart)>();
        using var reader = OpenXmlReader.Create(workbook);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Sheet) || !reader.IsStartElement) continue;
            var id = reader.Attributes.FirstOrDefault(a => a.LocalName == "id" && a.NamespaceUri.Contains("relationships", StringComparison.Ordinal)).Value;
            var name = reader.Attributes.FirstOrDefault(a => a.LocalName == "name").Value ?? "";
            if (string.IsNullOrEmpty(id) || !workbook.TryGetPartById(id, out var part))
                throw NoSheet($"the workbook's sheet '{name}' names no part of the workbook.");
            if (part is WorksheetPart worksheet) sheets.Add((name, worksheet));
            if (sheets.Count > SheetLimits.MaxSheets)
                throw new SheetRejectedException(SheetProblem.TooManyRows, $"the workbook has more than {SheetLimits.MaxSheets} sheets; one per unit of a district or province is far fewer.");
        }
        return sheets.Count > 0 ? sheets : throw NoSheet("the workbook has no worksheet.");
    }

    private static (string Name, WorksheetPart Part) FirstWorksheet(WorkbookPart workbook)
    {
        using var reader = OpenXmlReader.Create(workbook);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Sheet) || !reader.IsStartElement) continue;
            var id = reader.Attributes.FirstOrDefault(a => a.LocalName == "id" && a.NamespaceUri.Contains("relationships", StringComparison.Ordinal)).Value;
            if (string.IsNullOrEmpty(id) || !workbook.TryGetPartById(id, out var part))
                throw NoSheet("the workbook's first sheet names no part of the workbook.");
            var name = reader.Attributes.FirstOrDefault(a => a.LocalName == "name").Value ?? "";
            return (name, part as WorksheetPart ?? throw NoSheet("the workbook's first sheet is not a worksheet (a chart sheet?); put the figures on the first sheet."));
        }
        throw NoSheet("the workbook has no sheet.");
    }

    private static List<string> SharedStrings(WorkbookPart workbook, TextBudget budget)
    {
        var strings = new List<string>();
        if (workbook.SharedStringTablePart is not { } part) return strings;
        using var reader = OpenXmlReader.Create(part);
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.ElementType != typeof(SharedStringItem) || !reader.IsStartElement)
            {
                reader.Read();
                continue;
            }
            if (strings.Count >= SheetLimits.MaxCells)
                throw new SheetRejectedException(SheetProblem.TooMuchText,
                    $"the workbook holds more than {SheetLimits.MaxCells:N0} distinct texts; a month's sheet holds a few hundred.");
            strings.Add(budget.Take(reader.LoadCurrentElement()!.InnerText, "a text of the workbook"));
        }
        return strings;
    }

    private static List<WideLine> Lines(WorksheetPart sheet, List<string> strings, TextBudget budget, CellCount cells)
    {
        var lines = new List<WideLine>();
        var row = new RowCells(0);
        using var reader = OpenXmlReader.Create(sheet);
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.IsStartElement && reader.ElementType == typeof(Row))
            {
                if (row.Line > 0) lines.Add(row.ToLine());
                if (lines.Count >= SheetLimits.MaxRows)
                    throw new SheetRejectedException(SheetProblem.TooManyRows,
                        $"the sheet has more than {SheetLimits.MaxRows:N0} rows; a month has a few hundred indicators.");
                var index = reader.Attributes.FirstOrDefault(a => a.LocalName == "r").Value;
                row = new RowCells(int.TryParse(index, CultureInfo.InvariantCulture, out var r) && r > 0 ? r : row.Line + 1);
                reader.Read();
            }
            else if (reader.IsStartElement && reader.ElementType == typeof(Cell))
            {
                if (++cells.Value > SheetLimits.MaxCells)
                    throw new SheetRejectedException(SheetProblem.TooManyRows,
                        $"the sheet has more than {SheetLimits.MaxCells:N0} cells; a month's figures are two columns.");
                var cell = (Cell)reader.LoadCurrentElement()!;
                row.Add(cell, Text(cell, strings, budget, row.Line));
            }
            else reader.Read();
        }
        if (row.Line > 0) lines.Add(row.ToLine());
        return lines;
    }

    private static string? Text(Cell cell, List<string> strings, TextBudget budget, int line)
    {
        if (cell.DataType?.Value == CellValues.SharedString)
            return int.TryParse(cell.CellValue?.Text, out var index) && index >= 0 && index < strings.Count ? strings[index] : null;
        var text = cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText : cell.CellValue?.Text;
        return text is null ? null : budget.Take(text, $"line {line}");
    }

    private static SheetRejectedException NoSheet(string message) => new(SheetProblem.NoSheet, message);

    private static string FirstLine(string message) => message.Split('\n')[0].Trim().TrimEnd('.');

    /// <summary>One row's cells by column; a cell without a reference follows the one before it.</summary>
    private sealed class RowCells(int line)
    {
        private readonly SortedDictionary<int, (Cell Cell, string? Text)> _byColumn = [];
        private int _last;

        public int Line => line;

        public void Add(Cell cell, string? text)
        {
            var column = Column(cell.CellReference?.Value) ?? _last + 1;
            _last = column;
            _byColumn.TryAdd(column, (cell, text));
        }

        public WideLine ToLine() => new(line, _byColumn.ToDictionary(c => c.Key, c => new WideCell(c.Value.Text,
            IsNumeric(c.Value.Cell) && decimal.TryParse(c.Value.Cell.CellValue?.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null)));

        private static bool IsNumeric(Cell cell) => cell.DataType is null || cell.DataType.Value == CellValues.Number;

        /// <summary>"B7" → 2; null when the reference has no column letters.</summary>
        private static int? Column(string? reference)
        {
            var column = 0;
            foreach (var c in reference ?? "")
            {
                if (!char.IsAsciiLetter(c)) break;
                column = column * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
                if (column > 16_384) return null;
            }
            return column == 0 ? null : column;
        }
    }
}

/// <summary>The cells read so far, across every sheet of the workbook.</summary>
internal sealed class CellCount
{
    public int Value;
}

/// <summary>A worksheet by its tab's name, its rows with every filled column.</summary>
internal sealed record NamedSheet(string Name, IReadOnlyList<WideLine> Lines);

/// <summary>A row's cells by column (A = 1); a numeric cell's value is exact.</summary>
internal sealed record WideLine(int Line, IReadOnlyDictionary<int, WideCell> Cells);

internal sealed record WideCell(string? Text, decimal? Number);

/// <summary>Counts the characters read from a file against the caps of <see cref="SheetLimits"/>.</summary>
internal sealed class TextBudget
{
    private long _used;

    public string Take(string text, string where)
    {
        if (text.Length > SheetLimits.MaxCellCharacters)
            throw new SheetRejectedException(SheetProblem.CellTooLong,
                $"{where}: a cell of {text.Length:N0} characters; a cell holds at most {SheetLimits.MaxCellCharacters:N0}.");
        _used += text.Length;
        if (_used > SheetLimits.MaxTextCharacters)
            throw new SheetRejectedException(SheetProblem.TooMuchText,
                $"the file holds more than {SheetLimits.MaxTextCharacters:N0} characters of text; a month's sheet is far shorter.");
        return text;
    }
}
