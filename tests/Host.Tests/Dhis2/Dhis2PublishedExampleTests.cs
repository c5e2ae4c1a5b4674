using System.Net;
using System.Net.Http.Json;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Reports;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Dhis2;

/// <summary>
/// Payloads shaped like DHIS2's published examples (the Web API guide's dataValueSet for the
/// Sierra Leone demo; the ADX profile's VCCT sample with its GENDER and HIV_AGE disaggregation),
/// read through a deployment mapping to those ids. The facts are theirs; the files are ours.
/// </summary>
public sealed class Dhis2PublishedExampleTests(Dhis2MappedFactory factory) : IClassFixture<Dhis2MappedFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        var put = await factory.ClientAs(Roles.Admin).PutAsJsonAsync($"/api/indicators/{Dhis2MappedFactory.HivTests}",
            new { name = "Tư vấn xét nghiệm HIV", measure = "lượt", aggregation = "sum", direction = "higher-is-better" });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    // The Web API guide's example: a data set, a complete date, and the set's period and org unit shared by its values.
    private const string WebApiExample = """
        {
          "dataSet": "pBOMPrpg1QX",
          "completeDate": "2014-02-03",
          "period": "201401",
          "orgUnit": "DiszpKrYNg8",
          "dataValues": [
            { "dataElement": "f7n9E0hX8qk", "value": "1" },
            { "dataElement": "Ix2HsbDMLea", "value": "2" },
            { "dataElement": "eY5ehpbEsB7", "value": "3" }
          ]
        }
        """;

    // The ADX profile's sample: a group per org unit and period (start/duration), values disaggregated by attributes.
    private const string AdxExample = """
        <?xml version="1.0" encoding="UTF-8"?>
        <adx xmlns="urn:ihe:qrph:adx:2015" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" exported="2015-02-08T19:30:00Z">
          <group orgUnit="OU_559" period="2015-06-01/P1M" completeDate="2015-07-01" dataSet="(TB/HIV)VCCT">
            <dataValue dataElement="VCCT_0" HIV_AGE="AGE0-14" GENDER="FMLE" value="32"/>
            <dataValue dataElement="VCCT_0" GENDER="MLE" HIV_AGE="AGE0-14" value="20"/>
          </group>
        </adx>
        """;

    [Fact]
    public async Task The_Web_API_guides_dataValueSet_is_imported_through_the_mapping_and_exported_back_in_its_ids()
    {
        var admin = factory.ClientAs(Roles.Admin);

        Assert.Equal((3, 0, 0, 0), (await admin.PostAsync(WebApiExample)).Counts());

        var report = await admin.GetReportAsync(Commune, "2014-01").ReportAsync();
        Assert.Equal((1m, 2m, 3m), (report.ValueOf(Forest), report.ValueOf(Patients), report.ValueOf(Poverty)));
        var exported = await admin.ExportAsync("period=201401&orgUnit=DiszpKrYNg8");
        Assert.Equal("pBOMPrpg1QX", exported.GetProperty("dataSet").GetString());
        Assert.Equal(new List<(string, string, string, string)> { ("Ix2HsbDMLea", "201401", "DiszpKrYNg8", "2"), ("eY5ehpbEsB7", "201401", "DiszpKrYNg8", "3"), ("f7n9E0hX8qk", "201401", "DiszpKrYNg8", "1") }.Sorted(),
            exported.Values());
    }

    [Fact]
    public async Task The_ADX_sample_takes_the_mapped_disaggregation_and_names_the_unmapped_one_as_a_conflict()
    {
        var admin = factory.ClientAs(Roles.Admin);

        var answer = await admin.PostAsync(AdxExample, "application/adx+xml");

        // The male value has no indicator here, so the unit-month is not imported: a report is never half-imported.
        Assert.Equal((0, 0, 2, 0), answer.Counts());
        Assert.True(answer.Body.GetProperty("conflicts").GetArrayLength() == 1, answer.Body.ToString());
        var conflict = answer.Body.GetProperty("conflicts")[0];
        Assert.Equal("VCCT_0", conflict.GetProperty("object").GetString());
        Assert.Contains("GENDER=MLE;HIV_AGE=AGE0-14", conflict.GetProperty("value").GetString());

        var femaleOnly = AdxExample.Replace("""<dataValue dataElement="VCCT_0" GENDER="MLE" HIV_AGE="AGE0-14" value="20"/>""", "");
        Assert.Equal((1, 0, 0, 0), (await admin.PostAsync(femaleOnly, "application/adx+xml")).Counts());
        Assert.Equal(32m, (await admin.GetReportAsync(OtherCommune, "2015-06").ReportAsync()).ValueOf(Dhis2MappedFactory.HivTests));

        var adx = await admin.ExportAdxAsync("period=2015-06&orgUnit=OU_559");
        Assert.True(adx.Descendants(Dhis2Requests.Adx + "dataValue").Count() == 1, adx.ToString());
        var value = adx.Descendants(Dhis2Requests.Adx + "dataValue").Single();
        Assert.Equal(("VCCT_0", "32", "FMLE", "AGE0-14"), ((string)value.Attribute("dataElement")!, (string)value.Attribute("value")!,
            (string)value.Attribute("GENDER")!, (string)value.Attribute("HIV_AGE")!));
        Assert.Equal("2015-06-01/P1M", (string)value.Parent!.Attribute("period")!);
    }

    [Fact]
    public async Task An_unmapped_unit_code_is_not_read_as_itself_when_the_mapping_sends_it_elsewhere()
    {
        var (status, body) = await factory.ClientAs(Roles.Admin).PostAsync(Dhis2Requests.DataValueSet(("f7n9E0hX8qk", "201402", Commune, "1")));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ERROR", body.GetProperty("status").GetString());
    }
}
