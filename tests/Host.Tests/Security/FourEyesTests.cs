using System.Net;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Infrastructure;
using GovReport.Host.Tests.Reports;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Security;

/// <summary>
/// Finding 3: a token with only the approver role for a commune drafted, submitted and approved
/// that commune's report itself. The approver of a report is never the account that submitted it,
/// and approvers review units strictly below their own.
/// </summary>
public class FourEyesTests(ReportsFactory factory) : IClassFixture<ReportsFactory>
{
    [Fact]
    public async Task Given_an_approver_of_a_commune_when_it_drafts_submits_and_approves_its_own_report_then_the_approval_is_refused()
    {
        var approver = factory.ClientAs(Roles.Approver, Commune);
        await approver.SaveDraftAsync(Commune, "2021-01", (Forest, 1m)).ReportAsync();
        await approver.SubmitAsync(Commune, "2021-01").ReportAsync();
        var before = await factory.EventCountAsync();

        var response = await approver.ApproveAsync(Commune, "2021-01");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(before, await factory.EventCountAsync());
        var report = await factory.ClientAs(Roles.Auditor).GetReportAsync(Commune, "2021-01").ReportAsync();
        Assert.Equal("submitted", report.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Given_an_admin_who_submitted_when_the_same_account_approves_then_403_approver_is_submitter_and_another_admin_may()
    {
        var clerk = factory.ClientFor("admin-lan", [Roles.Admin]);
        await clerk.SubmitAsync(Commune, "2021-02", (Forest, 2m)).ReportAsync();
        var before = await factory.EventCountAsync();

        var own = await clerk.ApproveAsync(Commune, "2021-02");
        // Another token for the same account is still the same pair of eyes.
        var sameAccount = await factory.ClientFor("admin-lan", [Roles.Admin, Roles.Approver], City).ApproveAsync(Commune, "2021-02");

        var problem = await ProblemAssert.IsProblemAsync(own, HttpStatusCode.Forbidden, "approver-is-submitter");
        Assert.Contains("admin-lan", problem.GetProperty("detail").GetString());
        await ProblemAssert.IsProblemAsync(sameAccount, HttpStatusCode.Forbidden, "approver-is-submitter");
        Assert.Equal(before, await factory.EventCountAsync());
        var approved = await factory.ClientFor("admin-minh", [Roles.Admin]).ApproveAsync(Commune, "2021-02").ReportAsync();
        Assert.Equal("approved", approved.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Given_a_report_returned_and_resubmitted_by_another_account_then_the_first_submitter_may_approve_it()
    {
        await factory.ClientFor("clerk-a", [Roles.Reporter], Commune).SubmitAsync(Commune, "2021-03", (Forest, 3m)).ReportAsync();
        await factory.ClientAs(Roles.Approver, City).ReturnAsync(Commune, "2021-03", "Thiếu số liệu").ReportAsync();
        await factory.ClientFor("clerk-b", [Roles.Reporter], Commune).SubmitAsync(Commune, "2021-03", (Forest, 4m)).ReportAsync();

        var response = await factory.ClientFor("clerk-a", [Roles.Approver], City).ApproveAsync(Commune, "2021-03");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Given_an_approver_of_the_city_then_it_reviews_the_communes_below_but_not_the_citys_own_report()
    {
        var cityApprover = factory.ClientAs(Roles.Approver, City);
        await factory.ClientAs(Roles.Reporter, City).SubmitAsync(City, "2021-04", (Forest, 5m)).ReportAsync();
        await factory.ClientAs(Roles.Reporter, Commune).SubmitAsync(Commune, "2021-04", (Forest, 5m)).ReportAsync();

        await ProblemAssert.IsProblemAsync(await cityApprover.ApproveAsync(City, "2021-04"), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await cityApprover.ReturnAsync(City, "2021-04", "Xem lại"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await cityApprover.ApproveAsync(Commune, "2021-04")).StatusCode);
    }
}

/// <summary>A deployment that lets a unit's approver approve the unit's own report still keeps four eyes.</summary>
public class OwnUnitApprovalTests(OwnUnitApprovalTests.OwnUnitFactory factory) : IClassFixture<OwnUnitApprovalTests.OwnUnitFactory>
{
    public sealed class OwnUnitFactory : ReportsFactory
    {
        protected override void ConfigureSettings(IDictionary<string, string?> settings)
        {
            base.ConfigureSettings(settings);
            settings["Reports:ApproverMayApproveOwnUnit"] = "true";
        }
    }

    [Fact]
    public async Task Given_own_unit_approval_allowed_then_the_communes_approver_approves_its_reporters_report_but_never_its_own()
    {
        var approver = factory.ClientAs(Roles.Approver, Commune);
        await factory.ClientAs(Roles.Reporter, Commune).SubmitAsync(Commune, "2021-05", (Forest, 1m)).ReportAsync();
        await approver.SubmitAsync(Commune, "2021-06", (Forest, 1m)).ReportAsync();

        Assert.Equal(HttpStatusCode.OK, (await approver.ApproveAsync(Commune, "2021-05")).StatusCode);
        await ProblemAssert.IsProblemAsync(await approver.ApproveAsync(Commune, "2021-06"), HttpStatusCode.Forbidden, "approver-is-submitter");
    }
}
