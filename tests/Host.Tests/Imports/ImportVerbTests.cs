using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
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
/// A commune's month from a spreadsheet, as DOMAIN.md has clerks keep them: indicators by name,
/// figures written the Vietnamese way, through the same checks and decider as the API.
/// </summary>
public sealed class ImportVerbTests(ReportsFactory factory) : IClassFixture<ReportsFactory>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("govreport-import-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string File(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        return path;
    }

    private Task<(int Exit, JsonElement Output, string Errors)> ImportAsync(string month, string path, params string[] more) =>
        factory.RunVerbAsync(ImportVerb.RunAsync, ["--unit", Commune, "--month", month, "--file", path, "--actor", "can-bo-xa", .. more]);

    private async Task<IReadOnlyList<RecordedEvent>> StreamAsync(string month) =>
        await factory.Services.GetRequiredService<PgEventStore>().ReadStreamAsync(StreamIds.Report(UnitId.Parse(Commune), Month.Parse(month)));

    private static decimal Value(JsonElement output, string indicator) =>
        output.GetProperty("report").GetProperty("values").EnumerateArray()
            .Single(v => v.GetProperty("indicator").GetString() == indicator).GetProperty("value").GetDecimal();

    [Fact]
    public async Task Given_a_vi_VN_sheet_naming_indicators_when_imported_then_a_draft_holds_its_figures_and_the_file_hash_is_the_source()
    {
        var path = File("xa-nong-thuong-2022-05.csv", "Chỉ tiêu;Giá trị\nTrồng rừng;175,158\nLượt khám bệnh;1.234\n\n");

        var (exit, output, errors) = await ImportAsync("2022-05", path);

        Assert.True(exit == 0, errors);
        Assert.Equal("draft", output.GetProperty("report").GetProperty("status").GetString());
        Assert.Equal(175.158m, Value(output, Forest));
        Assert.Equal(1234m, Value(output, Patients));
        var recorded = Assert.Single(await StreamAsync("2022-05"));
        var hash = Convert.ToHexStringLower(SHA256.HashData(System.IO.File.ReadAllBytes(path)));
        Assert.Equal($"import:sha256:{hash}", recorded.Metadata.Source);
        Assert.Equal("can-bo-xa", recorded.Metadata.Actor);
        Assert.Equal("imported from xa-nong-thuong-2022-05.csv", recorded.Metadata.Reason);
    }

    [Fact]
    public async Task Given_an_en_US_export_when_submitted_then_its_commas_group_thousands_and_a_later_draft_is_refused()
    {
        var path = File("export.csv", "forest-planted,\"22,420\"\npatients-per-day,100.57\n");

        var (exit, output, errors) = await ImportAsync("2022-06", path, "--culture", "en-US", ImportVerb.Submit);

        Assert.True(exit == 0, errors);
        Assert.Equal("submitted", output.GetProperty("report").GetProperty("status").GetString());
        Assert.Equal(22420m, Value(output, Forest));
        Assert.Equal(100.57m, Value(output, Patients));

        var again = await ImportAsync("2022-06", path, "--culture", "en-US");
        Assert.Equal(1, again.Exit);
        Assert.Contains("nothing was imported", again.Errors);
        Assert.Single(await StreamAsync("2022-06"));
    }

    [Fact]
    public async Task Given_bad_lines_when_imported_then_each_is_named_by_its_line_and_nothing_is_appended()
    {
        var path = File("bad.csv", "indicator,value\nTrồng cây,5\nforest-planted,abc\npatients-per-day,1,5\npoverty-rate,-3\n");

        var (exit, output, errors) = await ImportAsync("2022-07", path);

        Assert.Equal(1, exit);
        Assert.Equal(JsonValueKind.Undefined, output.ValueKind);
        Assert.Contains("bad.csv: line 2: 'Trồng cây' is neither an indicator code nor an indicator's name.", errors);
        Assert.Contains("bad.csv: line 3:", errors);
        Assert.Contains("bad.csv: line 4: expected two cells", errors);
        Assert.Contains("nothing was imported", errors);
        Assert.Empty(await StreamAsync("2022-07"));
    }

    [Fact]
    public async Task Given_a_figure_that_reads_two_ways_when_the_culture_is_unknown_then_it_is_an_error_not_a_guess()
    {
        var path = File("unknown.csv", "forest-planted;1.234\n");

        var (exit, _, errors) = await ImportAsync("2022-04", path, "--culture", "unknown");

        Assert.Equal(1, exit);
        Assert.Contains("line 1:", errors);
        Assert.Empty(await StreamAsync("2022-04"));
    }

    [Fact]
    public async Task Given_a_checked_figure_when_imported_then_the_reports_own_rules_name_its_line()
    {
        var path = File("negative.csv", "forest-planted;5\npoverty-rate;-3\n");

        var (exit, _, errors) = await ImportAsync("2022-03", path);

        Assert.Equal(1, exit);
        Assert.Contains("negative.csv: line 2:", errors);
        Assert.Empty(await StreamAsync("2022-03"));
    }

    [Fact]
    public async Task Given_a_workbook_when_imported_then_numeric_cells_are_exact_and_an_estimate_is_noted()
    {
        var path = Path.Combine(_folder, "so-lieu.xlsx");
        Workbook(path, ("Trồng rừng", null, 175.158m), ("poverty-rate", "ước 4,5", null));

        var (exit, output, errors) = await ImportAsync("2022-02", path);

        Assert.True(exit == 0, errors);
        Assert.Equal(175.158m, Value(output, Forest));
        Assert.Equal(4.5m, Value(output, Poverty));
        Assert.Contains("line 2: 'ước 4,5' is qualified ('ước')", errors);
    }

    [Fact]
    public async Task Given_no_file_or_no_month_when_run_then_the_usage_is_printed_and_the_exit_is_2()
    {
        Assert.Equal(2, (await factory.RunVerbAsync(ImportVerb.RunAsync, "--unit", Commune, "--file", "x.csv")).Exit);
        Assert.Equal(2, (await ImportAsync("2022-01", Path.Combine(_folder, "missing.csv"))).Exit);
    }

    private static void Workbook(string path, params (string Indicator, string? Text, decimal? Number)[] rows)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheet = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        sheet.Worksheet = new Worksheet(data);
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Số liệu" }));
        for (var i = 0; i < rows.Length; i++)
        {
            var (indicator, text, number) = rows[i];
            var line = (uint)(i + 1);
            data.AppendChild(new Row(
                new Cell { CellReference = $"A{line}", DataType = CellValues.InlineString, InlineString = new InlineString(new Text(indicator)) },
                number is { } n
                    ? new Cell { CellReference = $"B{line}", CellValue = new CellValue(n) }
                    : new Cell { CellReference = $"B{line}", DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text!)) })
            { RowIndex = line });
        }
    }
}
