using CsvHelper;

namespace GovReport.Host.Infrastructure.Spreadsheets;

/// <summary>
/// Free text bound for a spreadsheet (a narrative, a reason, a unit's name) that starts like a
/// formula — <c>=HYPERLINK(…)</c>, <c>@SUM(…)</c> — would run when the file is opened (CSV
/// injection, OWASP). Every CSV and XLSX export asks this one place what counts as a formula and
/// how it is defused. Numbers are written as numbers, never through here, so -1.62 stays numeric.
/// </summary>
internal static class SpreadsheetText
{
    /// <summary>What a spreadsheet may read as the start of a formula: OWASP's list.</summary>
    public static readonly char[] FormulaLeads = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>Excel's "this cell is text" mark; it shows the rest of the cell as written.</summary>
    public const char TextMark = '\'';

    public static bool LooksLikeFormula(string? text) => text is { Length: > 0 } && FormulaLeads.Contains(text[0]);

    /// <summary>The text as a CSV cell may carry it: with the text mark in front when it looks like a formula.</summary>
    public static string Escape(string text) => LooksLikeFormula(text) ? TextMark + text : text;

    /// <summary>CsvHelper applies the same rule to every text field it writes (typed numbers and instants pass untouched).</summary>
    public static CsvWriterOptions CsvOptions() => new()
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
        InjectionCharacters = new string(FormulaLeads),
        InjectionEscape = TextMark,
    };
}
