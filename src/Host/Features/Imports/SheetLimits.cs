namespace GovReport.Host.Features.Imports;

/// <summary>
/// How much of a figures file the reader will look at. A unit's month has at most a few hundred
/// indicators, so a genuine file is a few hundred short lines; every cap sits one order of
/// magnitude above that, and anything past it is a mistake or an attack (a spreadsheet "bomb":
/// a small zip that inflates to gigabytes of XML), refused before it can exhaust memory or time.
/// </summary>
internal static class SheetLimits
{
    /// <summary>A month is a few hundred indicators; headings, blank and note lines come on top.</summary>
    public const int MaxRows = 5_000;

    /// <summary>Two cells a row, plus the stray columns clerks leave beside them.</summary>
    public const int MaxCells = 50_000;

    /// <summary>An indicator's longest name is about a hundred characters; a qualified figure is shorter.</summary>
    public const int MaxCellCharacters = 1_000;

    /// <summary>Every cell and shared string together: a month's sheet holds well under 200,000.</summary>
    public const long MaxTextCharacters = 2_000_000;

    /// <summary>
    /// One XML part of the workbook, in characters, enforced by the XML reader itself while it
    /// streams (<c>OpenSettings.MaxCharactersInPart</c>): a few thousand rows of sheet XML are
    /// about a million characters.
    /// </summary>
    public const long MaxCharactersInPart = 8_000_000;

    /// <summary>A CSV of a few thousand short lines is well under a megabyte.</summary>
    public const int MaxCsvBytes = 4 * 1024 * 1024;

    /// <summary>A CSV line: an indicator, a value and perhaps a note.</summary>
    public const int MaxLineCharacters = 4_096;

    /// <summary>A multi-unit workbook has a sheet per commune of a district (a few dozen); the zip's entry cap binds first.</summary>
    public const int MaxSheets = 250;

    /// <summary>A workbook Excel writes has a dozen parts; a few sheets, images or comments add some.</summary>
    public const int MaxZipEntries = 256;

    /// <summary>Every part inflated, as the zip declares it: a genuine month's workbook is under 5 MB.</summary>
    public const long MaxUncompressedBytes = 32L * 1024 * 1024;

    /// <summary>
    /// Sheet XML compresses about 10 to 30 times; a bomb's runs of identical rows, hundreds of times.
    /// Only judged for parts above <see cref="RatioJudgedAbove"/>: a tiny part's ratio means nothing.
    /// </summary>
    public const int MaxCompressionRatio = 100;

    public const long RatioJudgedAbove = 1024 * 1024;
}
