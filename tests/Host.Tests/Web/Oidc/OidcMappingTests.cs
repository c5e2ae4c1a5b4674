using System.Security.Claims;
using GovReport.Host.Infrastructure.Auth.Oidc;

namespace GovReport.Host.Tests.Web.Oidc;

/// <summary>The mapping table and its start-up checks, without a provider: what a set of provider claims grants.</summary>
public sealed class OidcMappingTests
{
    private static OidcOptions Options() => new()
    {
        Authority = "https://sso.example.gov.vn/realms/govreport/",
        ClientId = "govreport",
        ClientSecret = "secret",
        RoleClaim = "groups",
        UnitClaim = "department",
        Map =
        [
            new OidcGrant { Value = "gr-bao-cao", Roles = ["reporter"] },
            new OidcGrant { Value = "gr-duyet-xa-mot", Roles = ["approver"], Units = ["xa-mot"] },
            new OidcGrant { Value = "ubnd-xa-hai", Units = ["xa-hai"] },
        ],
    };

    private static ClaimsPrincipal Provider(string sub, params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)).Prepend(new Claim("sub", sub)), "oidc"));

    [Fact]
    public void Groups_and_departments_add_up_to_the_sessions_roles_and_units_under_a_provider_subject()
    {
        var session = OidcClaims.Map(Options(),
            Provider("u-1", ("groups", "gr-bao-cao"), ("groups", "gr-duyet-xa-mot"), ("groups", "gr-khac"), ("department", "ubnd-xa-hai"), ("name", "Lê Văn Ba")),
            "Cookies")!;

        Assert.Equal("oidc:sso.example.gov.vn:u-1", session.FindFirst("sub")!.Value);
        Assert.Equal(["approver", "reporter"], session.FindAll("role").Select(c => c.Value));
        Assert.Equal(["xa-hai", "xa-mot"], session.FindAll("unit").Select(c => c.Value));
        Assert.Equal("Lê Văn Ba", session.FindFirst("name")!.Value);
        Assert.Equal("https://sso.example.gov.vn/realms/govreport", session.FindFirst(OidcClaims.IssuerClaim)!.Value);
        Assert.True(session.IsInRole("reporter"));
    }

    [Fact]
    public void Units_alone_grant_no_session_and_neither_does_a_value_of_an_unmapped_claim()
    {
        Assert.Null(OidcClaims.Map(Options(), Provider("u-2", ("department", "ubnd-xa-hai"), ("groups", "gr-khac")), "Cookies"));
        // The role value arrives in a claim the configuration does not read.
        Assert.Null(OidcClaims.Map(Options(), Provider("u-3", ("roles", "gr-bao-cao")), "Cookies"));
    }

    [Fact]
    public void Off_is_valid_and_every_problem_of_a_configuration_is_named()
    {
        Assert.Empty(new OidcOptions().Problems());
        Assert.Empty(Options().Problems());
        Assert.Equal(["Auth:Oidc:Authority is required when other Auth:Oidc settings are given."],
            new OidcOptions { ClientId = "govreport" }.Problems());

        var broken = Options();
        broken.Authority = "http://sso.example.gov.vn";
        broken.ClientSecret = "";
        broken.Map.Add(new OidcGrant { Value = "gr-lanh-dao", Roles = ["leader"], Units = ["Xã Một"] });
        Assert.Equal(
        [
            "Auth:Oidc:Authority must use https (RequireHttpsMetadata is on).",
            "Auth:Oidc:ClientSecret is required.",
            "Auth:Oidc:Map:3:Roles names 'leader', which is none of reporter, approver, planner, auditor, admin.",
            "Auth:Oidc:Map:3:Units names 'Xã Một', which is not a unit id.",
        ], broken.Problems());
    }
}
