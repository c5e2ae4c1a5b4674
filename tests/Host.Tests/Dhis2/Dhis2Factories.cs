using System.Net;
using System.Net.Http.Json;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Reports;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Dhis2;

/// <summary>
/// Where figures are exported from: August and July 2022 of the city's two communes, one of them
/// corrected, a draft (not official) and a report outside the city, and the city's plan.
/// </summary>
public class Dhis2ExportFactory : ReportsFactory
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var admin = ClientAs(Roles.Admin);
        await admin.SubmitAsync(Commune, "2022-08", (Forest, 12.5m), (Patients, 40m), (Poverty, 4.25m)).ReportAsync();
        await admin.CorrectAsync(Commune, "2022-08", "Số liệu kiểm lâm", (Forest, 13m)).ReportAsync();
        await admin.SubmitAsync(OtherCommune, "2022-08", (Forest, 3m), (Poverty, 6.5m)).ReportAsync();
        await admin.SubmitAsync(Commune, "2022-07", (Forest, 7m), (Patients, 38m)).ReportAsync();
        await admin.SaveDraftAsync(OtherCommune, "2022-07", (Forest, 99m)).ReportAsync();
        await admin.SubmitAsync(ForeignUnit, "2022-08", (Patients, 120m)).ReportAsync();
        await Dhis2Factories.PlanAsync(admin);
    }
}

/// <summary>Where imports go: the same catalogue, no reports until a test imports them.</summary>
public class Dhis2ImportFactory : ReportsFactory;

/// <summary>The empty database a round trip imports into: the same catalogue and plan, no reports.</summary>
public class Dhis2RoundTripTargetFactory : ReportsFactory
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Dhis2Factories.PlanAsync(ClientAs(Roles.Admin));
    }
}

internal static class Dhis2Factories
{
    public static async Task PlanAsync(HttpClient admin)
    {
        var plan = await admin.PutAsJsonAsync($"/api/units/{City}/targets/2022",
            new { targets = new[] { new { indicator = Forest, value = 155m } }, decision = "QĐ 01" });
        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
    }
}

/// <summary>
/// A deployment with a DHIS2 mapping whose ids are those of DHIS2's published examples (the
/// Sierra Leone demo's org unit and data elements, the ADX profile's VCCT sample).
/// </summary>
public class Dhis2MappedFactory : ReportsFactory
{
    public const string HivTests = "hiv-tests";

    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        base.ConfigureSettings(settings);
        settings["Dhis2:DataSet"] = "pBOMPrpg1QX";
        settings["Dhis2:Units:xa-nong-thuong"] = "DiszpKrYNg8";
        settings["Dhis2:Units:xa-duong-quang"] = "OU_559";
        settings["Dhis2:DataElements:forest-planted:DataElement"] = "f7n9E0hX8qk";
        settings["Dhis2:DataElements:patients-per-day:DataElement"] = "Ix2HsbDMLea";
        settings["Dhis2:DataElements:poverty-rate:DataElement"] = "eY5ehpbEsB7";
        settings["Dhis2:DataElements:hiv-tests:DataElement"] = "VCCT_0";
        settings["Dhis2:DataElements:hiv-tests:CategoryOptionCombo"] = "GENDER=FMLE;HIV_AGE=AGE0-14";
    }
}
