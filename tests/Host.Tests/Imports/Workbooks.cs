using System.IO.Compression;
using System.Text;

namespace GovReport.Host.Tests.Imports;

/// <summary>
/// Workbooks written part by part, as a zip of XML, so a test can build what Excel never would:
/// a sheet of a million rows, a chart as the first sheet, a two-gigabyte bomb in a few megabytes.
/// Nothing binary is committed; every file is made here.
/// </summary>
internal static class Workbooks
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelations = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <summary>A workbook whose first sheet's rows are written by <paramref name="rows"/> (each a &lt;row&gt;).</summary>
    public static void Write(string path, Action<TextWriter> rows, IReadOnlyList<string>? sharedStrings = null,
        bool chartFirst = false, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Part(zip, "[Content_Types].xml", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
            <Default Extension="xml" ContentType="application/xml"/>
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
            <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
            <Override PartName="/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/>
            <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
            </Types>
            """);
        Part(zip, "_rels/.rels", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="{PackageRelations}"><Relationship Id="rId1" Type="{Relations}/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """);
        var first = chartFirst ? """<sheet name="Biểu đồ" sheetId="2" r:id="rId2"/>""" : "";
        Part(zip, "xl/workbook.xml", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="{Main}" xmlns:r="{Relations}"><sheets>{first}<sheet name="Số liệu" sheetId="1" r:id="rId1"/></sheets></workbook>
            """);
        Part(zip, "xl/_rels/workbook.xml.rels", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="{PackageRelations}">
            <Relationship Id="rId1" Type="{Relations}/worksheet" Target="worksheets/sheet1.xml"/>
            <Relationship Id="rId2" Type="{Relations}/chartsheet" Target="chartsheets/sheet1.xml"/>
            <Relationship Id="rId3" Type="{Relations}/sharedStrings" Target="sharedStrings.xml"/>
            </Relationships>
            """);
        Part(zip, "xl/chartsheets/sheet1.xml", $"""<chartsheet xmlns="{Main}"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>""");
        Part(zip, "xl/sharedStrings.xml", w =>
        {
            w.Write($"""<sst xmlns="{Main}">""");
            foreach (var s in sharedStrings ?? []) w.Write($"<si><t>{s}</t></si>");
            w.Write("</sst>");
        });
        Part(zip, "xl/worksheets/sheet1.xml", w =>
        {
            w.Write($"""<worksheet xmlns="{Main}" xmlns:r="{Relations}"><sheetData>""");
            rows(w);
            w.Write("</sheetData></worksheet>");
        }, level);
    }

    /// <summary>Row <paramref name="line"/>: an indicator as an inline string and a numeric value.</summary>
    public static string Row(int line, string indicator, string value) =>
        $"""<row r="{line}"><c r="A{line}" t="inlineStr"><is><t>{indicator}</t></is></c><c r="B{line}"><v>{value}</v></c></row>""";

    /// <summary>
    /// A spreadsheet bomb: a sheet of <paramref name="xmlBytes"/> of identical rows (no row
    /// numbers, which Excel may leave out), deflating hundreds of times over.
    /// </summary>
    public static void Bomb(string path, long xmlBytes) => Write(path, w =>
    {
        const string row = """<row><c t="inlineStr"><is><t>forest-planted</t></is></c><c><v>1</v></c></row>""";
        var block = string.Concat(Enumerable.Repeat(row, 1000));
        for (long written = 0; written < xmlBytes; written += block.Length) w.Write(block);
    }, level: CompressionLevel.SmallestSize);

    private static void Part(ZipArchive zip, string name, string text, CompressionLevel level = CompressionLevel.Optimal) =>
        Part(zip, name, w => w.Write(text), level);

    private static void Part(ZipArchive zip, string name, Action<TextWriter> write, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, level).Open(), new UTF8Encoding(false), 1 << 16);
        write(writer);
    }
}
