using System.Net;
using System.Text.Json;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Audit;
using GovReport.Host.Tests.Infrastructure;
using GovReport.Host.Tests.Reports;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Dhis2;

/// <summary>Data values come in as submitted reports, through the report API's checks and events; a repeat appends nothing.</summary>
public sealed class DataValueSetImportTests(Dhis2ImportFactory factory) : IClassFixture<Dhis2ImportFactory>
{
    private HttpClient Reporter => factory.ClientAs(Roles.Reporter, Commune);
    private HttpClient Auditor => factory.ClientAs(Roles.Auditor);

    private async Task<List<JsonElement>> EventsAsync(string unit, string month) =>
        (await Auditor.JsonAsync($"/api/audit/events?stream=report-{unit}-{month}")).GetProperty("events").EnumerateArray().ToList();

    [Fact]
    public async Task An_imported_unit_month_is_a_submitted_report_whose_events_name_the_payloads_sha256()
    {
        var payload = Dhis2Requests.DataValueSet((Forest, "202206", Commune, "12.5"), (Patients, "202206", Commune, "41"));

        var counts = (await Reporter.PostAsync(payload)).Counts();

        Assert.Equal((2, 0, 0, 0), counts);
        var report = await Reporter.GetReportAsync(Commune, "2022-06").ReportAsync();
        Assert.Equal("submitted", report.GetProperty("status").GetString());
        Assert.Equal((12.5m, 41m), (report.ValueOf(Forest), report.ValueOf(Patients)));
        var submitted = Assert.Single(await EventsAsync(Commune, "2022-06"));
        Assert.Equal("report_submitted", submitted.GetProperty("type").GetString());
        Assert.Equal($"dhis2:sha256:{Dhis2Requests.Sha256(payload)}", submitted.GetProperty("source").GetString());
        Assert.Equal($"{Roles.Reporter}-{Commune}", submitted.GetProperty("actor").GetString());
    }

    [Fact]
    public async Task The_same_payload_again_imports_nothing_and_appends_nothing()
    {
        var payload = Dhis2Requests.DataValueSet((Forest, "202205", Commune, "3"), (Poverty, "202205", Commune, "5.5"));
        Assert.Equal((2, 0, 0, 0), (await Reporter.PostAsync(payload)).Counts());
        var before = await factory.EventCountAsync();

        var again = await Reporter.PostAsync(payload);

        Assert.Equal((0, 0, 2, 0), again.Counts());
        Assert.Equal("SUCCESS", again.Body.GetProperty("status").GetString());
        Assert.Equal(before, await factory.EventCountAsync());
        Assert.Single(await EventsAsync(Commune, "2022-05"));
    }

    [Fact]
    public async Task A_payload_resent_with_a_changed_value_corrects_only_that_figure()
    {
        Assert.Equal((2, 0, 0, 0), (await Reporter.PostAsync(Dhis2Requests.DataValueSet((Forest, "202204", Commune, "3"), (Patients, "202204", Commune, "30")))).Counts());
        var changed = Dhis2Requests.DataValueSet((Forest, "202204", Commune, "4"), (Patients, "202204", Commune, "30"));

        Assert.Equal((0, 1, 1, 0), (await Reporter.PostAsync(changed)).Counts());

        var report = await Reporter.GetReportAsync(Commune, "2022-04").ReportAsync();
        Assert.Equal(("submitted", 4m), (report.GetProperty("status").GetString(), report.ValueOf(Forest)));
        var corrected = (await EventsAsync(Commune, "2022-04")).Last();
        Assert.Equal("figures_corrected", corrected.GetProperty("type").GetString());
        Assert.Equal($"dhis2:sha256:{Dhis2Requests.Sha256(changed)}", corrected.GetProperty("source").GetString());
    }

    [Fact]
    public async Task A_bad_value_or_an_unknown_org_unit_is_a_conflict_and_spoils_only_its_unit_month()
    {
        var admin = factory.ClientAs(Roles.Admin);
        var payload = Dhis2Requests.DataValueSet(
            (Forest, "202203", Commune, "2"), (Poverty, "202203", Commune, "150"),  // a rate over 100 %
            (Forest, "202203", OtherCommune, "1.5"),
            (Forest, "202203", "xa-khong-co", "9"),
            (Forest, "202203", OtherCity, "abc"),
            ("no-such-indicator", "202203", ForeignUnit, "1"));
        var before = await factory.EventCountAsync();

        var answer = await admin.PostAsync(payload);

        Assert.Equal((1, 0, 5, 0), answer.Counts());
        Assert.Equal("WARNING", answer.Body.GetProperty("status").GetString());
        var conflicts = answer.Body.GetProperty("conflicts").EnumerateArray().ToList();
        Assert.Contains(conflicts, c => c.GetProperty("object").GetString() == Poverty && Indexes(c).SequenceEqual([1]));
        Assert.Contains(conflicts, c => c.GetProperty("object").GetString() == "xa-khong-co" && Indexes(c).SequenceEqual([3]));
        Assert.Contains(conflicts, c => c.GetProperty("object").GetString() == "abc" && Indexes(c).SequenceEqual([4]));
        Assert.Contains(conflicts, c => c.GetProperty("object").GetString() == "no-such-indicator" && Indexes(c).SequenceEqual([5]));
        Assert.Equal(before + 1, await factory.EventCountAsync());
        Assert.Empty(await EventsAsync(Commune, "2022-03"));
        Assert.Equal(1.5m, (await admin.GetReportAsync(OtherCommune, "2022-03").ReportAsync()).ValueOf(Forest));
    }

    private static IEnumerable<int> Indexes(JsonElement conflict) => conflict.GetProperty("indexes").EnumerateArray().Select(i => i.GetInt32());

    [Fact]
    public async Task A_reporter_importing_into_another_unit_is_refused_whole_and_nothing_is_appended()
    {
        var payload = Dhis2Requests.DataValueSet((Forest, "202202", Commune, "2"), (Forest, "202202", OtherCommune, "2"));
        var before = await factory.EventCountAsync();

        var (status, _) = await Reporter.PostAsync(payload);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(before, await factory.EventCountAsync());
        var auditorImport = await Auditor.PostAsync(Dhis2Requests.DataValueSet((Forest, "202202", Commune, "2")));
        Assert.Equal(HttpStatusCode.Forbidden, auditorImport.Status);
    }

    [Fact]
    public async Task A_dry_run_counts_what_would_be_imported_and_appends_nothing()
    {
        var payload = Dhis2Requests.DataValueSet((Forest, "202201", Commune, "2"), (Forest, "202201", Commune + "-x", "2"));
        var before = await factory.EventCountAsync();

        var answer = await Reporter.PostAsync(payload, query: "?dryRun=true");

        Assert.Equal((1, 0, 1, 0), answer.Counts());
        Assert.True(answer.Body.GetProperty("importOptions").GetProperty("dryRun").GetBoolean());
        Assert.Equal(before, await factory.EventCountAsync());
    }

    [Fact]
    public async Task Import_strategies_create_only_or_update_only_and_delete_is_refused()
    {
        Assert.Equal((0, 0, 1, 0), (await Reporter.PostAsync(Dhis2Requests.DataValueSet((Forest, "202112", Commune, "2")), query: "?importStrategy=UPDATE")).Counts());
        Assert.Equal((1, 0, 0, 0), (await Reporter.PostAsync(Dhis2Requests.DataValueSet((Forest, "202112", Commune, "2")), query: "?importStrategy=CREATE")).Counts());
        Assert.Equal((0, 0, 1, 0), (await Reporter.PostAsync(Dhis2Requests.DataValueSet((Forest, "202112", Commune, "3")), query: "?importStrategy=CREATE")).Counts());
        var delete = await Reporter.PostAsync(Dhis2Requests.DataValueSet((Forest, "202112", Commune, "3")), query: "?importStrategy=DELETE");
        Assert.Equal(HttpStatusCode.BadRequest, delete.Status);
        Assert.True(delete.Body.GetProperty("errors").TryGetProperty("importStrategy", out _));
    }

    [Fact]
    public async Task ADX_is_taken_too()
    {
        var adx = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <adx xmlns="urn:ihe:qrph:adx:2015" exported="2022-09-01T00:00:00Z">
              <group orgUnit="{Commune}" period="2021-11-01/P1M" dataSet="govreport">
                <dataValue dataElement="{Forest}" value="8.75"/>
                <dataValue dataElement="{Patients}" value="33"><annotation/></dataValue>
              </group>
            </adx>
            """;

        Assert.Equal((2, 0, 0, 0), (await Reporter.PostAsync(adx, "application/adx+xml")).Counts());

        var report = await Reporter.GetReportAsync(Commune, "2021-11").ReportAsync();
        Assert.Equal((8.75m, 33m), (report.ValueOf(Forest), report.ValueOf(Patients)));
    }

    [Theory]
    [InlineData("application/json", "{not json")]
    [InlineData("application/json", "[1, 2]")]
    [InlineData("application/json", "{\"values\": []}")]
    [InlineData("application/adx+xml", "<adx xmlns=\"urn:ihe:qrph:adx:2015\"><group>")]
    [InlineData("application/adx+xml", "<other/>")]
    [InlineData("application/adx+xml", "<?xml version=\"1.0\"?><!DOCTYPE adx [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><adx xmlns=\"urn:ihe:qrph:adx:2015\">&b;</adx>")]
    public async Task A_payload_that_cannot_be_read_is_a_400_and_changes_nothing(string contentType, string payload)
    {
        var before = await factory.EventCountAsync();
        var (status, body) = await Reporter.PostAsync(payload, contentType);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(body.GetProperty("errors").TryGetProperty("body", out _));
        Assert.Equal(before, await factory.EventCountAsync());
    }

    [Fact]
    public async Task Another_media_type_is_a_415()
    {
        var (status, _) = await Reporter.PostAsync("a,b", "text/csv");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
    }
}
