using System.Text;
using CsvHelper;

namespace GovReport.Host.Features.Imports;

/// <summary>
/// A CSV's records (UTF-8; ',', ';', tab or '|', detected), after the bytes have been judged as a
/// whole: within <see cref="SheetLimits"/>, valid UTF-8, and text rather than binary, so a
/// spreadsheet or an image saved as .csv is named for what it is instead of read as garbage.
/// </summary>
internal static class CsvCells
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static List<SheetLine> Read(byte[] content)
    {
        Judge(content);
        // No separator given: CsvHelper detects ',', ';', tab or '|' (and Excel's "sep=;" line).
        // An unclosed quote makes the rest of the file one field: the cell cap refuses it, and the
        // file's own size cap bounds what is read before it does.
        var options = new CsvReaderOptions { HasHeader = false, TrackLineNumbers = true };
        var lines = new List<SheetLine>();
        var budget = new TextBudget();
        using var csv = CsvReader.Create(content, options);
        while (csv.Read())
        {
            if (lines.Count >= SheetLimits.MaxRows) throw TooManyLines();
            var line = (int)csv.LineNumber;
            lines.Add(new SheetLine(line, Enumerable.Range(0, csv.FieldCount).Select(i => (string?)budget.Take(csv.GetString(i), $"line {line}")).ToList(), null));
        }
        return lines;
    }

    private static void Judge(byte[] content)
    {
        if (content.Length > SheetLimits.MaxCsvBytes)
            throw new SheetRejectedException(SheetProblem.TooLarge,
                $"the file is {content.Length:N0} bytes; a month's figures as CSV fit in {SheetLimits.MaxCsvBytes:N0}.");
        if (content.AsSpan().StartsWith("PK\u0003\u0004"u8))
            throw NotText("the file is a zip archive (an .xlsx workbook?), not CSV text; give it the .xlsx extension.");
        if (content.AsSpan().StartsWith((byte[])[0xFF, 0xFE]) || content.AsSpan().StartsWith((byte[])[0xFE, 0xFF]))
            throw NotText("the file is UTF-16 text; save the CSV as UTF-8.");
        string text;
        try
        {
            text = StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            throw NotText("the file is not UTF-8 text (binary data, or another encoding); save the CSV as UTF-8.");
        }
        var lines = 1;
        var length = 0;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                if (++lines > SheetLimits.MaxRows * 2) throw TooManyLines();
                length = 0;
                continue;
            }
            if (char.IsControl(c) && c is not ('\t' or '\r'))
                throw NotText($"line {lines} holds a control character (U+{(int)c:X4}): the file is binary data, not CSV text.");
            if (++length > SheetLimits.MaxLineCharacters)
                throw new SheetRejectedException(SheetProblem.CellTooLong,
                    $"line {lines} is longer than {SheetLimits.MaxLineCharacters:N0} characters; a line holds an indicator and its value.");
        }
    }

    private static SheetRejectedException TooManyLines() =>
        new(SheetProblem.TooManyRows, $"the file has more than {SheetLimits.MaxRows:N0} lines; a month has a few hundred indicators.");

    private static SheetRejectedException NotText(string message) => new(SheetProblem.NotText, message);
}
