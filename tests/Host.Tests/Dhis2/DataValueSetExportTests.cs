using System.Net;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Infrastructure;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Dhis2;

/// <summary>The official figures leave as DHIS2 dataValueSets and ADX, each unit's own, month by month.</summary>
public sealed class DataValueSetExportTests(Dhis2ExportFactory factory) : IClassFixture<Dhis2ExportFactory>
{
    private HttpClient Auditor => factory.ClientAs(Roles.Auditor);

    [Fact]
    public async Task A_units_month_is_its_official_figures_as_corrected_with_DHIS2_period_ids()
    {
        var set = await Auditor.ExportAsync($"period=202208&orgUnit={Commune}");

        Assert.Equal(
            new List<(string, string, string, string)> { (Forest, "202208", Commune, "13"), (Patients, "202208", Commune, "40"), (Poverty, "202208", Commune, "4.25") }.Sorted(),
            set.Values());
    }

    [Theory]
    [InlineData("2022Q3")]
    [InlineData("2022-07")]
    [InlineData("2022S2")]
    [InlineData("2022")]
    public async Task A_longer_period_with_children_is_every_units_months_under_monthly_ids_and_never_a_draft(string period)
    {
        var set = await Auditor.ExportAsync($"period={period}&orgUnit={City}&children=true");

        var expected = new List<(string, string, string, string)>
        {
            (Forest, "202207", Commune, "7"), (Patients, "202207", Commune, "38"),
            (Forest, "202208", Commune, "13"), (Patients, "202208", Commune, "40"), (Poverty, "202208", Commune, "4.25"),
            (Forest, "202208", OtherCommune, "3"), (Poverty, "202208", OtherCommune, "6.5"),
        };
        if (period == "2022-07") expected = expected.Where(v => v.Item2 == "202207").ToList();
        Assert.Equal(expected.Sorted(), set.Values());
    }

    [Fact]
    public async Task Without_children_a_unit_that_reported_nothing_itself_has_no_values()
    {
        var set = await Auditor.ExportAsync($"period=202208&orgUnit={City}");
        Assert.Empty(set.Values());
    }

    [Fact]
    public async Task ADX_groups_a_units_month_under_its_start_and_P1M()
    {
        var adx = await Auditor.ExportAdxAsync($"period=202208&orgUnit={City}&children=true");

        Assert.Equal(Dhis2Requests.Adx + "adx", adx.Root!.Name);
        var groups = adx.Root.Elements(Dhis2Requests.Adx + "group").ToList();
        Assert.Equal([(OtherCommune, "2022-08-01/P1M"), (Commune, "2022-08-01/P1M")],
            groups.Select(g => ((string)g.Attribute("orgUnit")!, (string)g.Attribute("period")!)));
        Assert.Equal([(Forest, "13"), (Patients, "40"), (Poverty, "4.25")],
            groups[1].Elements(Dhis2Requests.Adx + "dataValue").Select(v => ((string)v.Attribute("dataElement")!, (string)v.Attribute("value")!)));
    }

    [Fact]
    public async Task Scoped_readers_export_only_inside_their_subtree()
    {
        await factory.ClientAs(Roles.Approver, City).ExportAsync($"period=202208&orgUnit={City}&children=true");
        await factory.ClientAs(Roles.Reporter, Commune).ExportAsync($"period=202208&orgUnit={Commune}");

        foreach (var (client, unit) in new[]
                 {
                     (factory.ClientAs(Roles.Reporter, Commune), OtherCommune),
                     (factory.ClientAs(Roles.Reporter, Commune), City),
                     (factory.ClientAs(Roles.Approver, OtherCity), City),
                 })
        {
            var response = await client.GetAsync($"{Dhis2Requests.Path}?period=202208&orgUnit={unit}&children=true");
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ClientAs(null).GetAsync($"{Dhis2Requests.Path}?period=202208&orgUnit={City}")).StatusCode);
    }

    [Theory]
    [InlineData("orgUnit=bac-kan", "period")]
    [InlineData("period=2022W3&orgUnit=bac-kan", "period")]
    [InlineData("period=1999&orgUnit=bac-kan", "period")]
    [InlineData("period=202208", "orgUnit")]
    [InlineData("period=202208&orgUnit=bac-kan&children=maybe", "children")]
    public async Task A_bad_query_is_a_400_naming_the_parameter(string query, string field)
    {
        var response = await Auditor.GetAsync($"{Dhis2Requests.Path}?{query}");
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name {field}");
    }

    [Fact]
    public async Task An_unknown_org_unit_is_a_404() =>
        await ProblemAssert.IsProblemAsync(await Auditor.GetAsync($"{Dhis2Requests.Path}?period=202208&orgUnit=no-such-unit"),
            HttpStatusCode.NotFound, "unit-not-found");
}
