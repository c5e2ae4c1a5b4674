using System.Diagnostics;
using System.Text;
using System.Text.Json;
using GovReport.Domain;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.EventStore;
using GovReport.Host.Features.Imports;
using GovReport.Host.Tests.Audit;
using GovReport.Host.Tests.Reports;
using Microsoft.Extensions.DependencyInjection;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Imports;

/// <summary>
/// Files that must be refused as a whole: each gets one line naming what is wrong, its own exit
/// code, nothing appended and no stack trace; bombs are refused without inflating them.
/// </summary>
public sealed class ImportLimitTests(ReportsFactory factory) : IClassFixture<ReportsFactory>, IDisposable
{
    private const string Month = "2022-01";
    private readonly string _folder = Directory.CreateTempSubdirectory("govreport-import-limits-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    private async Task AssertRefusedAsync(string path, SheetProblem problem, string message)
    {
        var (exit, output, errors) = await factory.RunVerbAsync(ImportVerb.RunAsync,
            ["--unit", Commune, "--month", Month, "--file", path, ImportVerb.Submit]);

        Assert.True(exit == (int)problem, $"exit {exit}, expected {(int)problem}: {errors}");
        Assert.Equal(JsonValueKind.Undefined, output.ValueKind);
        var line = Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith($"{Path.GetFileName(path)}: ", line);
        Assert.Contains(message, line);
        Assert.EndsWith("nothing was imported.", line);
        Assert.DoesNotContain("   at ", errors);
        var stream = await factory.Services.GetRequiredService<PgEventStore>().ReadStreamAsync(StreamIds.Report(UnitId.Parse(Commune), GovReport.Domain.Periods.Month.Parse(Month)));
        Assert.Empty(stream);
    }

    [Fact]
    public async Task Given_a_spreadsheet_bomb_when_imported_then_it_is_refused_from_the_zip_directory_without_inflating_it()
    {
        var path = PathOf("bom.xlsx");
        Workbooks.Bomb(path, 50L * 1024 * 1024);
        Assert.InRange(new FileInfo(path).Length, 20_000, 400_000);

        var watch = Stopwatch.StartNew();
        await AssertRefusedAsync(path, SheetProblem.ZipBomb, "compressed");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Given_a_two_gigabyte_bomb_when_read_then_the_reader_allocates_almost_nothing()
    {
        var path = PathOf("bom-lon.xlsx");
        Workbooks.Bomb(path, 2L * 1024 * 1024 * 1024);
        var content = await File.ReadAllBytesAsync(path);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var refused = Assert.Throws<SheetRejectedException>(() => FigureSheet.Read("bom-lon.xlsx", content));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(SheetProblem.ZipBomb, refused.Problem);
        Assert.True(allocated < 1024 * 1024, $"the reader allocated {allocated:N0} bytes");
    }

    [Fact]
    public async Task Given_a_sheet_of_a_hundred_thousand_rows_when_read_then_it_stops_at_the_row_cap_while_streaming()
    {
        var path = PathOf("qua-nhieu-dong.xlsx");
        Workbooks.Write(path, w =>
        {
            for (var line = 1; line <= 100_000; line++) w.Write(Workbooks.Row(line, $"chi-tieu-{line * 7919 % 100_003}", $"{line * 31 % 9973}"));
        });
        var content = await File.ReadAllBytesAsync(path);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var refused = Assert.Throws<SheetRejectedException>(() => FigureSheet.Read("qua-nhieu-dong.xlsx", content));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(SheetProblem.TooManyRows, refused.Problem);
        // The whole sheet as a DOM would be hundreds of megabytes; the rows read before the cap are a few.
        Assert.True(allocated < 64 * 1024 * 1024, $"the reader allocated {allocated:N0} bytes");
        await AssertRefusedAsync(path, SheetProblem.TooManyRows, $"more than {SheetLimits.MaxRows:N0} rows");
    }

    [Fact]
    public async Task Given_a_file_that_is_not_a_zip_named_xlsx_when_imported_then_it_is_named_not_a_workbook()
    {
        var path = PathOf("khong-phai.xlsx");
        await File.WriteAllTextAsync(path, "forest-planted;5\n");

        await AssertRefusedAsync(path, SheetProblem.NotAWorkbook, "not an .xlsx workbook");
    }

    [Fact]
    public async Task Given_a_zip_that_is_not_a_workbook_when_imported_then_it_is_named_not_a_workbook()
    {
        var path = PathOf("tep-nen.xlsx");
        using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Create))
        using (var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open())) writer.Write("not a workbook");

        await AssertRefusedAsync(path, SheetProblem.NotAWorkbook, "not a readable .xlsx workbook");
    }

    [Fact]
    public async Task Given_a_chart_as_the_first_sheet_when_imported_then_the_sheet_is_named_missing()
    {
        var path = PathOf("bieu-do.xlsx");
        Workbooks.Write(path, w => w.Write(Workbooks.Row(1, "forest-planted", "5")), chartFirst: true);

        await AssertRefusedAsync(path, SheetProblem.NoSheet, "not a worksheet");
    }

    [Fact]
    public async Task Given_a_cell_of_a_hundred_thousand_characters_when_imported_then_the_cell_is_refused_by_its_line()
    {
        var path = PathOf("o-lon.xlsx");
        Workbooks.Write(path, w =>
        {
            w.Write(Workbooks.Row(1, "forest-planted", "5"));
            w.Write(Workbooks.Row(2, new string('x', 100_000), "5"));
        });

        await AssertRefusedAsync(path, SheetProblem.CellTooLong, "line 2: a cell of 100,000 characters");
    }

    [Fact]
    public async Task Given_more_distinct_texts_than_a_sheet_could_hold_when_imported_then_the_text_is_refused()
    {
        var path = PathOf("nhieu-chu.xlsx");
        Workbooks.Write(path, w => w.Write(Workbooks.Row(1, "forest-planted", "5")),
            sharedStrings: Enumerable.Range(0, SheetLimits.MaxCells + 1).Select(i => $"t{i}").ToList());

        await AssertRefusedAsync(path, SheetProblem.TooMuchText, "distinct texts");
    }

    [Fact]
    public async Task Given_a_sheet_part_longer_than_the_part_cap_when_imported_then_the_xml_reader_stops_it()
    {
        var path = PathOf("phan-dai.xlsx");
        var noise = new byte[SheetLimits.MaxCharactersInPart * 3 / 4 + 1024];
        new Random(11).NextBytes(noise);
        // Random text barely compresses, so the zip passes; few rows and cells, so only the part cap can stop it.
        Workbooks.Write(path, w =>
        {
            w.Write(Workbooks.Row(1, "forest-planted", "5"));
            w.Write($"<!-- {Convert.ToBase64String(noise)} -->");
        });

        await AssertRefusedAsync(path, SheetProblem.TooMuchText, "longer than 8,000,000 characters");
    }

    [Fact]
    public async Task Given_binary_junk_named_csv_when_imported_then_it_is_named_not_text()
    {
        var path = PathOf("rac.csv");
        var junk = new byte[4096];
        new Random(7).NextBytes(junk);
        await File.WriteAllBytesAsync(path, junk);

        await AssertRefusedAsync(path, SheetProblem.NotText, "not UTF-8 text");
    }

    [Fact]
    public async Task Given_control_characters_in_a_csv_when_imported_then_it_is_named_binary()
    {
        var path = PathOf("nul.csv");
        await File.WriteAllBytesAsync(path, Encoding.UTF8.GetBytes("forest-planted;5\n\0\0\0;1\n"));

        await AssertRefusedAsync(path, SheetProblem.NotText, "line 2 holds a control character");
    }

    [Fact]
    public async Task Given_a_csv_line_of_ten_thousand_characters_when_imported_then_the_line_is_refused()
    {
        var path = PathOf("dong-dai.csv");
        await File.WriteAllTextAsync(path, $"forest-planted;5\npatients-per-day;{new string('9', 10_000)}\n");

        await AssertRefusedAsync(path, SheetProblem.CellTooLong, "line 2 is longer than");
    }

    [Fact]
    public async Task Given_a_csv_whose_first_quote_never_closes_when_imported_then_the_record_is_refused_not_read_to_the_end()
    {
        var path = PathOf("ngoac-kep.csv");
        await File.WriteAllLinesAsync(path, ["forest-planted;\"5", .. Enumerable.Range(0, 3_000).Select(i => $"patients-per-day;{i}")]);

        await AssertRefusedAsync(path, SheetProblem.CellTooLong, "line 1: a cell of");
    }

    [Fact]
    public async Task Given_a_csv_of_fifty_thousand_lines_when_imported_then_the_line_count_is_refused()
    {
        var path = PathOf("nhieu-dong.csv");
        await File.WriteAllLinesAsync(path, Enumerable.Range(0, 50_000).Select(i => $"forest-planted;{i}"));

        await AssertRefusedAsync(path, SheetProblem.TooManyRows, "lines");
    }

    [Fact]
    public async Task Given_an_unknown_extension_or_an_empty_file_when_imported_then_each_has_its_own_exit_code()
    {
        var pdf = PathOf("so-lieu.pdf");
        await File.WriteAllTextAsync(pdf, "%PDF-1.4");
        var empty = PathOf("trong.csv");
        await File.WriteAllBytesAsync(empty, []);

        await AssertRefusedAsync(pdf, SheetProblem.UnknownFormat, "'.pdf' files cannot be imported");
        await AssertRefusedAsync(empty, SheetProblem.Empty, "the file is empty");
    }
}
