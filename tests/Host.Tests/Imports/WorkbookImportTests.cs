using System.Net;
using System.Net.Http.Headers;
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
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Audit;
using GovReport.Host.Tests.Reports;
using Microsoft.Extensions.DependencyInjection;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Imports;

/// <summary>
/// A city's workbook for all its communes (issue 13): one row per unit or one sheet per unit;
/// every unit checked first, nothing appended unless all pass (or, with --partial, the good ones),
/// a re-import appending nothing, and the API refusing a caller without rights on every unit.
/// </summary>
public sealed class WorkbookImportTests(ReportsFactory factory) : IClassFixture<ReportsFactory>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("govreport-workbook-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Csv(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        return path;
    }

    private Task<(int Exit, JsonElement Output, string Errors)> ImportAsync(string month, string path, params string[] more) =>
        factory.RunVerbAsync(ImportVerb.RunAsync, ["--month", month, "--file", path, "--actor", "phong-thong-ke", .. more]);

    private async Task<IReadOnlyList<RecordedEvent>> StreamAsync(string unit, string month) =>
        await factory.Services.GetRequiredService<PgEventStore>().ReadStreamAsync(StreamIds.Report(UnitId.Parse(unit), Month.Parse(month)));

    private async Task<JsonElement> ReportAsync(string unit, string month)
    {
        var response = await factory.ClientAs(Roles.Auditor).GetReportAsync(unit, month);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static decimal Value(JsonElement report, string indicator) =>
        report.GetProperty("values").EnumerateArray().Single(v => v.GetProperty("indicator").GetString() == indicator).GetProperty("value").GetDecimal();

    [Fact]
    public async Task Given_a_row_per_unit_csv_when_imported_then_every_unit_has_its_draft_and_a_reimport_appends_nothing()
    {
        // By id and by name, a blank cell meaning no figure; vi-VN numbers under ';'.
        var path = Csv("bac-kan-2022-04.csv",
            "Đơn vị;Trồng rừng;patients-per-day\nxa-nong-thuong;175,158;1.234\nXã Dương Quang;12,5;\n");

        var (exit, output, errors) = await ImportAsync("2022-04", path);

        Assert.True(exit == 0, errors);
        Assert.Equal(2, output.GetProperty("appended").GetInt32()); // one draft event per unit
        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        Assert.Equal($"import:sha256:{hash}", Assert.Single(await StreamAsync(Commune, "2022-04")).Metadata.Source);
        Assert.Equal($"import:sha256:{hash}", Assert.Single(await StreamAsync(OtherCommune, "2022-04")).Metadata.Source);
        Assert.Equal(175.158m, Value(await ReportAsync(Commune, "2022-04"), Forest));
        Assert.Equal(1234m, Value(await ReportAsync(Commune, "2022-04"), Patients));
        Assert.Equal(12.5m, Value(await ReportAsync(OtherCommune, "2022-04"), Forest));

        var again = await ImportAsync("2022-04", path);

        Assert.True(again.Exit == 0, again.Errors);
        Assert.Equal(0, again.Output.GetProperty("appended").GetInt32());
        Assert.All(again.Output.GetProperty("units").EnumerateArray(), u => Assert.Equal("unchanged", u.GetProperty("status").GetString()));
        Assert.Single(await StreamAsync(Commune, "2022-04"));
        Assert.Single(await StreamAsync(OtherCommune, "2022-04"));
    }

    [Fact]
    public async Task Given_one_bad_figure_when_imported_then_its_line_unit_and_indicator_are_named_and_no_unit_gets_anything()
    {
        var path = Csv("bad.csv", "unit;forest-planted;poverty-rate\nxa-nong-thuong;10;4,5\nxa-duong-quang;-3;4\nxa-khong-co;1;1\n");

        var (exit, _, errors) = await ImportAsync("2022-03", path);

        Assert.Equal(1, exit);
        Assert.Contains("bad.csv: row 3, column B: xa-duong-quang: forest-planted:", errors);
        Assert.Contains("bad.csv: row 4: xa-khong-co: 'xa-khong-co' is neither a unit id nor a unit's name.", errors);
        Assert.Contains("nothing was imported", errors);
        Assert.Empty(await StreamAsync(Commune, "2022-03"));
        Assert.Empty(await StreamAsync(OtherCommune, "2022-03"));
    }

    [Fact]
    public async Task Given_partial_when_one_unit_is_bad_then_the_good_units_are_saved_and_the_bad_one_named()
    {
        var path = Csv("partial.csv", "đơn vị;forest-planted\nxa-nong-thuong;10\nxa-duong-quang;abc\n");

        var (exit, output, errors) = await ImportAsync("2022-02", path, "--partial", "--submit");

        Assert.Equal(ImportVerb.PartlyImported, exit);
        Assert.Contains("partial.csv: row 3, column B: xa-duong-quang: forest-planted: 'abc'", errors);
        Assert.Equal("submitted", (await ReportAsync(Commune, "2022-02")).GetProperty("status").GetString());
        Assert.Empty(await StreamAsync(OtherCommune, "2022-02"));
        var refused = Assert.Single(output.GetProperty("refused").EnumerateArray());
        Assert.Equal(("xa-duong-quang", "forest-planted"), (refused.GetProperty("unit").GetString(), refused.GetProperty("indicator").GetString()));
    }

    [Fact]
    public async Task Given_a_unit_the_decider_refuses_when_imported_then_the_other_units_are_not_appended_either()
    {
        // Commune's January is already submitted: a draft over it is refused, and so the whole workbook.
        Assert.Equal(0, (await ImportAsync("2022-01", Csv("first.csv", "unit;forest-planted\nxa-nong-thuong;1\n"), "--submit")).Exit);

        var (exit, _, errors) = await ImportAsync("2022-01", Csv("second.csv", "unit;forest-planted\nxa-nong-thuong;2\nxa-duong-quang;3\n"));

        Assert.Equal(1, exit);
        Assert.Contains("second.csv: row 2: xa-nong-thuong:", errors);
        Assert.Empty(await StreamAsync(OtherCommune, "2022-01"));
        Assert.Single(await StreamAsync(Commune, "2022-01"));
    }

    [Fact]
    public async Task Given_a_sheet_per_unit_workbook_when_submitted_then_each_sheet_is_its_units_report()
    {
        var path = Path.Combine(_folder, "mot-sheet-mot-xa.xlsx");
        Workbook(path,
            (Commune, [("Trồng rừng", 175.158m), ("poverty-rate", 4.5m)]),
            ("Xã Dương Quang", [("forest-planted", 20m)]),
            ("Ghi chú", []));

        var (exit, output, errors) = await ImportAsync("2021-12", path, "--submit");

        Assert.True(exit == 0, errors);
        Assert.Equal(2, output.GetProperty("units").GetArrayLength());
        var commune = await ReportAsync(Commune, "2021-12");
        Assert.Equal("submitted", commune.GetProperty("status").GetString());
        Assert.Equal(175.158m, Value(commune, Forest));
        Assert.Equal(20m, Value(await ReportAsync(OtherCommune, "2021-12"), Forest));
    }

    [Fact]
    public async Task Given_a_row_per_unit_xlsx_when_a_figure_is_bad_then_the_sheet_row_and_column_are_named()
    {
        var path = Path.Combine(_folder, "hang.xlsx");
        Workbook(path, ("Tổng hợp", [("Đơn vị", null), ("forest-planted", null)]), rows: [(Commune, 5m), (OtherCommune, -1m)]);

        var (exit, _, errors) = await ImportAsync("2021-11", path);

        Assert.Equal(1, exit);
        Assert.Contains("hang.xlsx: sheet 'Tổng hợp', row 3, column B: xa-duong-quang: forest-planted:", errors);
        Assert.Empty(await StreamAsync(Commune, "2021-11"));
    }

    [Fact]
    public async Task Given_the_api_when_the_caller_lacks_rights_on_one_unit_then_403_and_nothing_is_appended()
    {
        var body = "unit;forest-planted\nxa-nong-thuong;7\nxa-duong-quang;8\n";

        var refused = await PostAsync(factory.ClientAs(Roles.Reporter, Commune), "2021-10", body);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("xa-duong-quang", await refused.Content.ReadAsStringAsync());
        Assert.Empty(await StreamAsync(Commune, "2021-10"));

        var accepted = await PostAsync(factory.ClientAs(Roles.Reporter, Commune, OtherCommune), "2021-10", body);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var answer = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(2, answer.GetProperty("appended").GetInt32());
        Assert.Equal(8m, Value(await ReportAsync(OtherCommune, "2021-10"), Forest));
    }

    [Fact]
    public async Task Given_the_api_when_a_line_is_bad_then_a_problem_names_every_line_and_partial_saves_the_rest()
    {
        var body = "unit;forest-planted\nxa-nong-thuong;7\nxa-duong-quang;-8\n";
        var client = factory.ClientAs(Roles.Reporter, Commune, OtherCommune);

        var refused = await PostAsync(client, "2021-09", body);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        var line = Assert.Single(problem.GetProperty("lines").EnumerateArray());
        Assert.Equal(("row 3, column B", "xa-duong-quang"), (line.GetProperty("where").GetString(), line.GetProperty("unit").GetString()));
        Assert.Empty(await StreamAsync(Commune, "2021-09"));

        var partial = await PostAsync(client, "2021-09", body, "&partial=true");

        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
        Assert.Single(await StreamAsync(Commune, "2021-09"));
        Assert.Empty(await StreamAsync(OtherCommune, "2021-09"));
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string month, string csv, string more = "")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return client.PostAsync($"/api/imports/workbook?month={month}{more}", content);
    }

    /// <summary>A workbook of named sheets, each two columns (indicator, number); <paramref name="rows"/> adds unit rows to the first.</summary>
    private static void Workbook(string path, params (string Name, (string Indicator, decimal? Value)[] Lines)[] sheets) =>
        Workbook(path, sheets[0], rows: null, more: sheets[1..]);

    private static void Workbook(string path, (string Name, (string Indicator, decimal? Value)[] Lines) first,
        (string Unit, decimal Value)[]? rows, (string Name, (string Indicator, decimal? Value)[] Lines)[]? more = null)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var list = workbook.Workbook.AppendChild(new Sheets());
        uint id = 0;
        foreach (var (name, lines) in new[] { first }.Concat(more ?? []))
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            part.Worksheet = new Worksheet(data);
            list.AppendChild(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = ++id, Name = name });
            if (rows is not null && id == 1)
            {
                // Row form: the heading row from the lines' indicators, then one row per unit.
                data.AppendChild(new Row(lines.Select((l, i) => Text($"{(char)('A' + i)}1", l.Indicator))) { RowIndex = 1 });
                for (var r = 0; r < rows.Length; r++)
                    data.AppendChild(new Row(Text($"A{r + 2}", rows[r].Unit), new Cell { CellReference = $"B{r + 2}", CellValue = new CellValue(rows[r].Value) }) { RowIndex = (uint)(r + 2) });
                continue;
            }
            for (var i = 0; i < lines.Length; i++)
                data.AppendChild(new Row(Text($"A{i + 1}", lines[i].Indicator), new Cell { CellReference = $"B{i + 1}", CellValue = new CellValue(lines[i].Value!.Value) }) { RowIndex = (uint)(i + 1) });
        }
    }

    private static Cell Text(string reference, string text) =>
        new() { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };
}
