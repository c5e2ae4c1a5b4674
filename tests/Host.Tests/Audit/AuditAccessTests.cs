using System.Net;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Reports;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Audit;

/// <summary>An auditor reads everything and writes nothing; only auditors and admins reach the audit endpoints.</summary>
public class AuditAccessTests(ReportsFactory factory) : IClassFixture<ReportsFactory>
{
    public static TheoryData<string, HttpStatusCode> AuditMatrix()
    {
        var data = new TheoryData<string, HttpStatusCode>();
        foreach (var path in new[] { "/api/audit/events", $"/api/audit/history?unit={Commune}&indicator={Forest}&period=2022-08", "/api/audit/verify" })
        {
            data.Add(path + "|" + Roles.Auditor, HttpStatusCode.OK);
            data.Add(path + "|" + Roles.Admin, HttpStatusCode.OK);
            data.Add(path + "|" + Roles.Reporter, HttpStatusCode.Forbidden);
            data.Add(path + "|" + Roles.Approver, HttpStatusCode.Forbidden);
            data.Add(path + "|" + Roles.Planner, HttpStatusCode.Forbidden);
            data.Add(path + "|", HttpStatusCode.Unauthorized);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AuditMatrix))]
    public async Task Given_a_caller_when_it_reads_an_audit_endpoint_then_only_auditors_and_admins_may(string pathAndRole, HttpStatusCode expected)
    {
        var (path, role) = (pathAndRole.Split('|')[0], pathAndRole.Split('|')[1]);
        await factory.ClientAs(Roles.Admin).SaveDraftAsync(Commune, "2022-08", (Forest, 1m));
        var client = role == "" ? factory.ClientAs(null) : factory.ClientAs(role, City);

        var response = await client.GetAsync(path);

        Assert.True(expected == response.StatusCode, $"{role} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public static TheoryData<string> Writes() => ["draft", "submit", "return", "approve", "corrections"];

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Given_an_auditor_of_every_unit_when_it_writes_a_report_then_it_is_forbidden_and_nothing_is_recorded(string write)
    {
        var auditor = factory.ClientAs(Roles.Auditor, City, Commune);
        var month = write == "draft" || write == "submit" ? "2020-01" : "2020-02";
        if (month == "2020-02") await factory.ClientAs(Roles.Admin).SubmitAsync(Commune, month, (Forest, 1m));
        var before = await factory.EventCountAsync();

        var response = write switch
        {
            "draft" => await auditor.SaveDraftAsync(Commune, month, (Forest, 2m)),
            "submit" => await auditor.SubmitAsync(Commune, month, (Forest, 2m)),
            "return" => await auditor.ReturnAsync(Commune, month, "Thiếu số liệu"),
            "approve" => await auditor.ApproveAsync(Commune, month),
            _ => await auditor.CorrectAsync(Commune, month, "Sai số", (Forest, 2m)),
        };

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await factory.EventCountAsync());
    }
}
