using GovReport.Host.Infrastructure.Auth;

namespace GovReport.Host.Tests;

/// <summary>What each role may do to which unit, judged by <see cref="UnitAccess"/> over a small tree.</summary>
public class CurrentUserTests
{
    // bac-kan (province) > thanh-pho-bac-kan (city) > xa-nong-thuong (commune); bac-kan > so-nong-nghiep (department)
    private static readonly Dictionary<string, string?> Parents = new()
    {
        ["bac-kan"] = null,
        ["thanh-pho-bac-kan"] = "bac-kan",
        ["xa-nong-thuong"] = "thanh-pho-bac-kan",
        ["so-nong-nghiep"] = "bac-kan",
    };

    private static UnitAccess Access(string[] roles, params string[] units) => Access(roles, approverMayApproveOwnUnit: false, units);

    private static UnitAccess Access(string[] roles, bool approverMayApproveOwnUnit, params string[] units) =>
        new(new CurrentUser("someone", roles.ToHashSet(), units.ToHashSet()), Parents,
            new ReviewOptions { ApproverMayApproveOwnUnit = approverMayApproveOwnUnit });

    [Fact]
    public void A_reporter_reports_for_and_reads_only_its_own_subtree()
    {
        var reporter = Access([Roles.Reporter], "thanh-pho-bac-kan");

        Assert.True(reporter.CanFile("thanh-pho-bac-kan"));
        Assert.False(reporter.CanFile("so-nong-nghiep"));
        Assert.False(reporter.CanReview("xa-nong-thuong"));
        Assert.True(reporter.CanRead("thanh-pho-bac-kan"));
        Assert.True(reporter.CanRead("xa-nong-thuong"));
        Assert.False(reporter.CanRead("so-nong-nghiep"));
        Assert.False(reporter.CanRead("bac-kan"));
        Assert.False(reporter.ReadsEverything);
    }

    [Fact]
    public void An_approver_reviews_units_strictly_below_its_own()
    {
        var approver = Access([Roles.Approver], "thanh-pho-bac-kan");

        Assert.True(approver.CanReview("xa-nong-thuong"));
        Assert.False(approver.CanReview("thanh-pho-bac-kan"));
        Assert.False(approver.CanReview("so-nong-nghiep"));
        Assert.False(approver.CanReview("bac-kan"));
        Assert.True(approver.CanRead("xa-nong-thuong"));
        Assert.False(approver.CanRead("so-nong-nghiep"));
    }

    [Fact]
    public void A_deployment_may_let_an_approver_review_its_own_unit()
    {
        var approver = Access([Roles.Approver], approverMayApproveOwnUnit: true, "thanh-pho-bac-kan");

        Assert.True(approver.CanReview("thanh-pho-bac-kan"));
        Assert.True(approver.CanReview("xa-nong-thuong"));
        Assert.False(approver.CanReview("bac-kan"));
    }

    [Fact]
    public void An_auditor_reads_everything_and_writes_nothing()
    {
        var auditor = Access([Roles.Auditor, Roles.Reporter, Roles.Approver], "bac-kan");

        Assert.True(auditor.ReadsEverything);
        Assert.True(auditor.CanRead("so-nong-nghiep"));
        Assert.True(auditor.User.CanAudit);
        Assert.False(auditor.CanFile("bac-kan"));
        Assert.False(auditor.CanReview("xa-nong-thuong"));
        Assert.False(auditor.User.CanManageCatalogue);
    }

    [Fact]
    public void A_planner_reads_every_unit_but_files_and_reviews_none()
    {
        var planner = Access([Roles.Planner], "xa-nong-thuong");

        Assert.True(planner.CanRead("so-nong-nghiep"));
        Assert.False(planner.CanFile("xa-nong-thuong"));
        Assert.False(planner.CanReview("xa-nong-thuong"));
    }

    [Fact]
    public void A_caller_without_a_role_reads_nothing()
    {
        var nobody = Access([], "xa-nong-thuong");

        Assert.False(nobody.CanRead("xa-nong-thuong"));
        Assert.False(nobody.CanFile("xa-nong-thuong"));
    }

    [Fact]
    public void A_block_is_read_only_when_every_member_is_within_the_callers_units()
    {
        var city = Access([Roles.Reporter], "thanh-pho-bac-kan");

        Assert.True(city.CanReadAll(["thanh-pho-bac-kan", "xa-nong-thuong"]));
        Assert.False(city.CanReadAll(["xa-nong-thuong", "so-nong-nghiep"]));
        Assert.False(city.CanReadAll([]));
        Assert.True(Access([Roles.Auditor]).CanReadAll(["so-nong-nghiep"]));
    }

    [Fact]
    public void An_admin_may_do_anything()
    {
        var admin = Access([Roles.Admin]);

        Assert.True(admin.CanFile("bac-kan"));
        Assert.True(admin.CanReview("xa-nong-thuong"));
        Assert.True(admin.CanRead("so-nong-nghiep"));
        Assert.True(admin.User.CanManageCatalogue);
        Assert.True(admin.User.CanAudit);
    }

    [Fact]
    public void Corrections_and_on_demand_summaries_tell_the_reporter_from_the_approver()
    {
        var reporter = Access([Roles.Reporter], "xa-nong-thuong");
        var approver = Access([Roles.Approver], "thanh-pho-bac-kan");

        Assert.True(reporter.Allows(UnitAction.Correct, "xa-nong-thuong"));
        Assert.False(reporter.Allows(UnitAction.PublishSummary, "xa-nong-thuong"));
        Assert.False(reporter.Allows(UnitAction.Correct, "so-nong-nghiep"));
        Assert.True(approver.Allows(UnitAction.Correct, "xa-nong-thuong"));
        Assert.True(approver.Allows(UnitAction.PublishSummary, "thanh-pho-bac-kan"));
        Assert.True(approver.Allows(UnitAction.PublishSummary, "xa-nong-thuong"));
        Assert.False(approver.Allows(UnitAction.PublishSummary, "so-nong-nghiep"));
        Assert.False(Access([Roles.Auditor], "bac-kan").Allows(UnitAction.PublishSummary, "bac-kan"));
    }

    [Fact]
    public void A_cycle_in_the_unit_tree_does_not_hang()
    {
        var cyclic = new Dictionary<string, string?> { ["a"] = "b", ["b"] = "a" };
        var approver = new UnitAccess(new CurrentUser("someone", new HashSet<string> { Roles.Approver }, new HashSet<string> { "elsewhere" }),
            cyclic, new ReviewOptions());

        Assert.False(approver.CanReview("a"));
        Assert.False(approver.CanRead("a"));
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

    [Fact]
    public void Roles_are_read_from_the_claim_type_the_identity_names()
    {
        var principal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new("sub", "x"), new("role", Roles.Approver)], "Bearer", "sub", "role"));

        Assert.Equal([Roles.Approver], CurrentUser.FromPrincipal(principal)!.Roles);
    }

    [Fact]
    public void A_blank_subject_is_no_caller()
    {
        var principal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new("sub", " "), new("role", Roles.Admin)], "Bearer", "sub", "role"));

        Assert.Null(CurrentUser.FromPrincipal(principal));
    }
}
