namespace GovReport.Host.Features.Imports;

/// <summary>
/// One line of a figures file: the indicator as written (code or name) and the value, either as
/// text to be read in the file's number culture or, from a numeric spreadsheet cell, exactly.
/// </summary>
internal sealed record SheetRow(int Line, string Indicator, string? Text, decimal? Number, string? Where = null)
{
    /// <summary>Where the figure stands in the file, as its errors name it: "line 7", or a workbook's "sheet 'x', line 7".</summary>
    public string Place => Where ?? $"line {Line}";
}

/// <summary>A line of the file as read: its cells in order, and column B's number when a spreadsheet cell held one.</summary>
internal sealed record SheetLine(int Line, IReadOnlyList<string?> Cells, decimal? Number);

/// <summary>
/// Reads a unit's monthly figures from a two-column file: CSV (UTF-8; ',', ';', tab or '|', detected)
/// or the first sheet of an XLSX workbook. Blank lines are skipped, and so is a first line that
/// is a heading ("indicator", "chỉ tiêu", "code" or "mã"). Anything else that is not two cells is
/// an error naming its line: a vi-VN decimal comma in a comma-separated file splits the value, and
/// the reader never guesses which comma was meant. A file that cannot be read as a whole (not a
/// workbook, a zip bomb, past <see cref="SheetLimits"/>) throws <see cref="SheetRejectedException"/>
/// before anything is kept of it. The import verb uses it; so will a web upload.
/// </summary>
internal static class FigureSheet
{
    private static readonly string[] Headings = ["indicator", "chỉ tiêu", "chi tieu", "code", "mã", "ma"];

    /// <param name="name">The file's name: its extension says which format the bytes are in.</param>
    public static (IReadOnlyList<SheetRow> Rows, IReadOnlyList<string> Errors) Read(string name, byte[] content)
    {
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (extension is not (".csv" or ".txt" or ".xlsx"))
            throw new SheetRejectedException(SheetProblem.UnknownFormat,
                $"{(extension.Length == 0 ? "a file without an extension" : $"'{extension}' files")} cannot be imported; give a .csv (UTF-8) or .xlsx file.");
        if (content.Length == 0) throw new SheetRejectedException(SheetProblem.Empty, "the file is empty.");
        var lines = extension == ".xlsx" ? XlsxCells.Read(content) : CsvCells.Read(content);
        return Rows(lines, line => $"line {line}");
    }

    /// <summary>The two-column lines as figures, each error named by <paramref name="place"/> (a workbook's sheet and line).</summary>
    public static (IReadOnlyList<SheetRow> Rows, IReadOnlyList<string> Errors) Rows(IEnumerable<SheetLine> lines, Func<int, string> place)
    {
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
                errors.Add($"{place(line)}: expected two cells, the indicator and its value; found {filled.Count}" +
                           (filled.Count > 2 ? " (a decimal comma needs ';' as the separator, or quotes)" : "") + ".");
                continue;
            }
            rows.Add(new SheetRow(line, filled[0], number is null ? filled[1] : null, number, place(line)));
        }
        return (rows, errors);
    }

    public static bool IsHeading(string cell) =>
        Headings.Contains(cell.Normalize(System.Text.NormalizationForm.FormC).ToLowerInvariant());
}
