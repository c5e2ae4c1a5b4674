using GovReport.Projections.Queries;

namespace GovReport.Host.Features.Imports;

/// <summary>One unit's lines of a multi-unit workbook: where they stand, the unit as written, its figures.</summary>
internal sealed record UnitSheet(string Where, string Unit, IReadOnlyList<SheetRow> Rows);

/// <summary>A line of a multi-unit workbook that cannot be read, named by its place and, where known, its unit and indicator.</summary>
public sealed record WorkbookError(string Where, string? Unit, string? Indicator, string Message)
{
    public override string ToString() =>
        string.Join(": ", new[] { Where, Unit, Indicator, Message }.Where(p => !string.IsNullOrEmpty(p)));
}

/// <summary>
/// Reads a workbook a district or province sends for all its units (issue 13), in either of two
/// forms. The row form: a heading row whose first cell is "đơn vị" (or "unit", "mã đơn vị") and
/// whose other cells name indicators (code or name), then one row per unit: the unit (id or
/// name) and its figures, a blank cell meaning no figure; CSV, or the first sheet of an XLSX.
/// The sheet form (XLSX only): one sheet per unit, the sheet's tab named with the unit's id or
/// name, each sheet the two-column form of a single unit's file (<see cref="FigureSheet"/>);
/// empty sheets are passed over. The same limits as a single unit's file hold for the whole
/// workbook (<see cref="SheetLimits"/>, <see cref="ZipGuard"/>).
/// </summary>
internal static class UnitWorkbook
{
    private static readonly string[] UnitHeadings = ["đơn vị", "don vi", "mã đơn vị", "ma don vi", "unit", "unit id", "unitid"];

    public static (IReadOnlyList<UnitSheet> Units, IReadOnlyList<WorkbookError> Errors) Read(string name, byte[] content)
    {
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (extension is not (".csv" or ".txt" or ".xlsx"))
            throw new SheetRejectedException(SheetProblem.UnknownFormat,
                $"{(extension.Length == 0 ? "a file without an extension" : $"'{extension}' files")} cannot be imported; give a .csv (UTF-8) or .xlsx file.");
        if (content.Length == 0) throw new SheetRejectedException(SheetProblem.Empty, "the file is empty.");
        var errors = new List<WorkbookError>();
        if (extension != ".xlsx")
        {
            var lines = CsvCells.Read(content).Select(l => new WideLine(l.Line,
                l.Cells.Select((c, i) => (c, i)).ToDictionary(x => x.i + 1, x => new WideCell(x.c, null)))).ToList();
            if (!IsRowForm(lines))
                throw new SheetRejectedException(SheetProblem.NoSheet,
                    "a workbook of several units as CSV starts with a heading row: 'đơn vị' (or 'unit'), then one column per indicator.");
            return (RowForm(lines, "", errors), errors);
        }
        var sheets = XlsxCells.ReadSheets(content);
        if (IsRowForm(sheets[0].Lines)) return (RowForm(sheets[0].Lines, $"sheet '{sheets[0].Name}', ", errors), errors);
        var units = new List<UnitSheet>();
        foreach (var sheet in sheets)
        {
            var where = $"sheet '{sheet.Name}'";
            var lines = sheet.Lines.Select(l => new SheetLine(l.Line,
                [l.Cells.GetValueOrDefault(1)?.Text, l.Cells.GetValueOrDefault(2)?.Text,
                 .. l.Cells.Where(c => c.Key > 2).Select(c => c.Value.Text).Where(t => !string.IsNullOrWhiteSpace(t))],
                l.Cells.GetValueOrDefault(2)?.Number)).ToList();
            var (rows, sheetErrors) = FigureSheet.Rows(lines, line => $"{where}, line {line}");
            errors.AddRange(sheetErrors.Select(e => new WorkbookError(where, sheet.Name, null, e[(e.IndexOf(": ", StringComparison.Ordinal) + 2)..])));
            if (rows.Count > 0 || sheetErrors.Count > 0) units.Add(new UnitSheet(where, sheet.Name.Trim(), rows));
        }
        if (units.Count == 0 && errors.Count == 0)
            throw new SheetRejectedException(SheetProblem.NoSheet, "no sheet holds figures: one sheet per unit, or a heading row 'đơn vị' and one row per unit.");
        return (units, errors);
    }

    private static bool IsRowForm(IReadOnlyList<WideLine> lines) =>
        lines.FirstOrDefault(l => l.Cells.Values.Any(c => !string.IsNullOrWhiteSpace(c.Text))) is { } first
        && first.Cells.GetValueOrDefault(1)?.Text is { } heading
        && UnitHeadings.Contains(SheetFigures.Key(heading));

    /// <summary>One unit per row under the heading; each figure named by its row and column.</summary>
    private static List<UnitSheet> RowForm(IReadOnlyList<WideLine> lines, string prefix, List<WorkbookError> errors)
    {
        var filled = lines.Where(l => l.Cells.Values.Any(c => !string.IsNullOrWhiteSpace(c.Text))).ToList();
        var heading = filled[0];
        var columns = heading.Cells.Where(c => c.Key > 1 && !string.IsNullOrWhiteSpace(c.Value.Text))
            .ToDictionary(c => c.Key, c => c.Value.Text!.Trim());
        var units = new List<UnitSheet>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in filled.Skip(1))
        {
            var where = $"{prefix}row {line.Line}";
            var unit = line.Cells.GetValueOrDefault(1)?.Text?.Trim() ?? "";
            if (unit.Length == 0)
            {
                errors.Add(new WorkbookError(where, null, null, "the row has figures but no unit in its first cell."));
                continue;
            }
            if (seen.TryGetValue(SheetFigures.Key(unit), out var earlier))
            {
                errors.Add(new WorkbookError(where, unit, null, $"the unit already has a row ({earlier}); give each unit one row."));
                continue;
            }
            seen[SheetFigures.Key(unit)] = where;
            var rows = new List<SheetRow>();
            foreach (var (column, cell) in line.Cells.Where(c => c.Key > 1).OrderBy(c => c.Key))
            {
                if (string.IsNullOrWhiteSpace(cell.Text) && cell.Number is null) continue;
                if (!columns.TryGetValue(column, out var indicator))
                {
                    errors.Add(new WorkbookError($"{where}, column {Letters(column)}", unit, null, "a figure under no indicator heading."));
                    continue;
                }
                rows.Add(new SheetRow(line.Line, indicator, cell.Number is null ? cell.Text!.Trim() : null, cell.Number,
                    $"{where}, column {Letters(column)}"));
            }
            units.Add(new UnitSheet(where, unit, rows));
        }
        return units;
    }

    /// <summary>2 → "B", 27 → "AA": the column as the spreadsheet labels it.</summary>
    public static string Letters(int column)
    {
        var letters = "";
        for (; column > 0; column = (column - 1) / 26) letters = (char)('A' + (column - 1) % 26) + letters;
        return letters;
    }

    /// <summary>The unit as a sheet or row names it: its id, else its exact name; null (and why) when neither fits one unit.</summary>
    public static UnitRow? ResolveUnit(string written, IReadOnlyList<UnitRow> units, out string? error)
    {
        error = null;
        if (units.FirstOrDefault(u => u.Id == written) is { } byId) return byId;
        var named = units.Where(u => SheetFigures.Key(u.Name) == SheetFigures.Key(written)).ToList();
        if (named.Count == 1) return named[0];
        error = named.Count == 0
            ? $"'{written}' is neither a unit id nor a unit's name."
            : $"'{written}' names {named.Count} units ({string.Join(", ", named.Select(u => u.Id))}); use the id.";
        return null;
    }
}
