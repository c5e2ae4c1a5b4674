using GovReport.Host.Auth;

namespace GovReport.Host.Tests;

public class CurrentUserTests
{
    private static readonly Dictionary<string, string> Parents = new()
    {
        ["xa-nong-thuong"] = "thanh-pho-bac-kan",
        ["thanh-pho-bac-kan"] = "bac-kan",
        ["so-nong-nghiep"] = "bac-kan",
    };

    private static string? ParentOf(string unit) => Parents.GetValueOrDefault(unit);

    private static CurrentUser User(string[] roles, params string[] units) =>
        new("someone", roles.ToHashSet(), units.ToHashSet());

    [Fact]
    public void A_reporter_reports_only_for_its_own_units()
    {
        var reporter = User([Roles.Reporter], "xa-nong-thuong");

        Assert.True(reporter.CanReportFor("xa-nong-thuong"));
        Assert.False(reporter.CanReportFor("so-nong-nghiep"));
        Assert.False(reporter.CanApproveFor("xa-nong-thuong", ParentOf));
    }

    [Fact]
    public void An_approver_covers_its_whole_subtree()
    {
        var approver = User([Roles.Approver], "thanh-pho-bac-kan");

        Assert.True(approver.CanApproveFor("thanh-pho-bac-kan", ParentOf));
        Assert.True(approver.CanApproveFor("xa-nong-thuong", ParentOf));
        Assert.False(approver.CanApproveFor("so-nong-nghiep", ParentOf));
        Assert.False(approver.CanApproveFor("bac-kan", ParentOf));
    }

    [Fact]
    public void An_auditor_reads_everything_and_writes_nothing()
    {
        var auditor = User([Roles.Auditor, Roles.Reporter, Roles.Approver], "bac-kan");

        Assert.True(auditor.CanRead("so-nong-nghiep"));
        Assert.True(auditor.CanAudit);
        Assert.False(auditor.CanReportFor("bac-kan"));
        Assert.False(auditor.CanApproveFor("xa-nong-thuong", ParentOf));
        Assert.False(auditor.CanManageCatalogue);
    }

    [Fact]
    public void An_admin_may_do_anything()
    {
        var admin = User([Roles.Admin]);

        Assert.True(admin.CanReportFor("bac-kan"));
        Assert.True(admin.CanApproveFor("xa-nong-thuong", ParentOf));
        Assert.True(admin.CanManageCatalogue);
        Assert.True(admin.CanAudit);
    }

    [Fact]
    public void A_cycle_in_the_unit_tree_does_not_hang()
    {
        var approver = User([Roles.Approver], "elsewhere");

        Assert.False(approver.CanApproveFor("a", unit => unit == "a" ? "b" : "a"));
    }

    [Fact]
    public void Unknown_roles_in_a_principal_are_ignored()
    {
        var principal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new("sub", "x"), new(System.Security.Claims.ClaimTypes.Role, "superuser"), new(System.Security.Claims.ClaimTypes.Role, Roles.Planner), new("unit", "bac-kan")],
            "Bearer"));

        var user = CurrentUser.FromPrincipal(principal)!;

        Assert.Equal([Roles.Planner], user.Roles);
        Assert.Equal(["bac-kan"], user.Units);
        Assert.Null(CurrentUser.FromPrincipal(new System.Security.Claims.ClaimsPrincipal()));
    }
}
