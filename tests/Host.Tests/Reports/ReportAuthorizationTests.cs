using System.Net;
using GovReport.Domain.Periods;
using GovReport.Host.Infrastructure.Auth;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Reports;

/// <summary>Who may write and read xa-nong-thuong's reports (a commune under the city bac-kan).</summary>
public class ReportAuthorizationTests(ReportsFactory factory) : IClassFixture<ReportsFactory>
{
    public enum Caller { ReporterOwnUnit, ReporterForeignUnit, ApproverOfParent, ApproverOfUnrelatedUnit, Auditor, Planner, Admin, NoToken }

    public enum Write { SaveDraft, Submit, Return, Approve, Correct }

    private static readonly Dictionary<Write, Caller[]> Allowed = new()
    {
        [Write.SaveDraft] = [Caller.ReporterOwnUnit, Caller.Admin],
        [Write.Submit] = [Caller.ReporterOwnUnit, Caller.Admin],
        [Write.Return] = [Caller.ApproverOfParent, Caller.Admin],
        [Write.Approve] = [Caller.ApproverOfParent, Caller.Admin],
        [Write.Correct] = [Caller.ReporterOwnUnit, Caller.ApproverOfParent, Caller.Admin],
    };

    public static TheoryData<Write, Caller, HttpStatusCode, int> WriteMatrix()
    {
        var data = new TheoryData<Write, Caller, HttpStatusCode, int>();
        var slot = 0;
        foreach (var write in Enum.GetValues<Write>())
        foreach (var caller in Enum.GetValues<Caller>())
        {
            var expected = caller == Caller.NoToken ? HttpStatusCode.Unauthorized
                : Allowed[write].Contains(caller) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            data.Add(write, caller, expected, slot++);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(WriteMatrix))]
    public async Task Given_a_caller_when_it_writes_a_commune_report_then_only_the_allowed_roles_and_units_succeed(
        Write write, Caller caller, HttpStatusCode expected, int slot)
    {
        // Each case gets its own month, so their streams never meet.
        var month = new Month(2019, 1).AddMonths(slot).ToString();
        // The commune's own reporter submits, so an admin approving is a second pair of eyes.
        if (write is Write.Return or Write.Approve or Write.Correct)
            await factory.ClientAs(Roles.Reporter, Commune).SubmitAsync(Commune, month, (Forest, 1m)).ReportAsync();
        var client = ClientFor(caller);
        var before = await factory.EventCountAsync();

        var response = write switch
        {
            Write.SaveDraft => await client.SaveDraftAsync(Commune, month, (Forest, 2m)),
            Write.Submit => await client.SubmitAsync(Commune, month, (Forest, 2m)),
            Write.Return => await client.ReturnAsync(Commune, month, "Thiếu số liệu"),
            Write.Approve => await client.ApproveAsync(Commune, month),
            _ => await client.CorrectAsync(Commune, month, "Sai số", (Forest, 2m)),
        };

        Assert.True(expected == response.StatusCode,
            $"{caller} {write}: expected {(int)expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(expected == HttpStatusCode.OK ? before + 1 : before, await factory.EventCountAsync());
    }

    public static TheoryData<Caller, HttpStatusCode> ReadMatrix() => new()
    {
        { Caller.ReporterOwnUnit, HttpStatusCode.OK },
        { Caller.ReporterForeignUnit, HttpStatusCode.Forbidden },
        { Caller.ApproverOfParent, HttpStatusCode.OK },
        { Caller.ApproverOfUnrelatedUnit, HttpStatusCode.Forbidden },
        { Caller.Auditor, HttpStatusCode.OK },
        { Caller.Planner, HttpStatusCode.OK },
        { Caller.Admin, HttpStatusCode.OK },
        { Caller.NoToken, HttpStatusCode.Unauthorized },
    };

    [Theory]
    [MemberData(nameof(ReadMatrix))]
    public async Task Given_a_filed_report_when_a_caller_reads_it_and_its_unit_list_then_reporters_and_approvers_see_only_their_subtree(
        Caller caller, HttpStatusCode expected)
    {
        await factory.ClientAs(Roles.Admin).SaveDraftAsync(Commune, "2018-06", (Forest, 1m)).ReportAsync();
        var client = ClientFor(caller);

        var one = await client.GetReportAsync(Commune, "2018-06");
        var list = await client.GetAsync($"/api/units/{Commune}/reports");

        Assert.Equal(expected, one.StatusCode);
        Assert.Equal(expected, list.StatusCode);
    }

    [Fact]
    public async Task Given_a_reporter_of_the_city_when_it_reads_a_commune_under_it_then_it_may()
    {
        await factory.ClientAs(Roles.Admin).SaveDraftAsync(Commune, "2018-07", (Forest, 1m)).ReportAsync();

        var response = await factory.ClientAs(Roles.Reporter, City).GetReportAsync(Commune, "2018-07");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private HttpClient ClientFor(Caller caller) => caller switch
    {
        Caller.ReporterOwnUnit => factory.ClientAs(Roles.Reporter, Commune),
        Caller.ReporterForeignUnit => factory.ClientAs(Roles.Reporter, OtherCommune),
        Caller.ApproverOfParent => factory.ClientAs(Roles.Approver, City),
        Caller.ApproverOfUnrelatedUnit => factory.ClientAs(Roles.Approver, OtherCity),
        Caller.Auditor => factory.ClientAs(Roles.Auditor, City),
        Caller.Planner => factory.ClientAs(Roles.Planner, City),
        Caller.Admin => factory.ClientAs(Roles.Admin),
        _ => factory.ClientAs(null),
    };
}
