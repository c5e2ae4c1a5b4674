using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Cli;
using GovReport.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace GovReport.Host.Tests;

public class AuthTests(GovReportFactory factory) : IClassFixture<GovReportFactory>
{
    private async Task<HttpResponseMessage> GetWithToken(string path, string? token)
    {
        var client = factory.CreateClient();
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync(path);
    }

    [Fact]
    public async Task The_api_needs_a_token()
    {
        var response = await GetWithToken("/api/anything", null);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Unknown_paths_outside_the_api_need_a_token_too()
    {
        await ProblemAssert.IsProblemAsync(await GetWithToken("/no-such-page", null), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_rejected()
    {
        var other = new AuthOptions
        {
            Issuer = factory.AuthOptions.Issuer,
            Audience = factory.AuthOptions.Audience,
            SigningKeys = ["an-entirely-different-key-of-at-least-32-bytes"],
        };
        var token = TokenIssuer.Create(other, "mallory", [Roles.Admin], [], DateTimeOffset.UtcNow);

        var response = await GetWithToken("/api/anything", token);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.Single().Parameter);
    }

    [Fact]
    public async Task An_expired_token_is_rejected()
    {
        var token = TokenIssuer.Create(factory.AuthOptions, "late", [Roles.Admin], [],
            DateTimeOffset.UtcNow.AddHours(-2), TimeSpan.FromHours(1));

        await ProblemAssert.IsProblemAsync(await GetWithToken("/api/anything", token), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_rejected()
    {
        var options = factory.AuthOptions;
        var other = new AuthOptions { Issuer = options.Issuer, Audience = "someone-else", SigningKeys = options.SigningKeys };
        var token = TokenIssuer.Create(other, "x", [Roles.Admin], [], DateTimeOffset.UtcNow);

        await ProblemAssert.IsProblemAsync(await GetWithToken("/api/anything", token), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_from_the_token_verb_is_accepted()
    {
        Assert.True(TokenVerb.TryParse(["--role", "admin", "--unit", "bac-kan"], out var request, out _));
        var token = TokenVerb.CreateToken(factory.AuthOptions, request, DateTimeOffset.UtcNow);

        // Authenticated, so the unknown route is a 404, not a 401.
        await ProblemAssert.IsProblemAsync(await GetWithToken("/api/anything", token), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task A_token_signed_with_a_second_configured_key_is_accepted()
    {
        var options = factory.AuthOptions;
        var rotated = new AuthOptions { Issuer = options.Issuer, Audience = options.Audience, SigningKeys = ["the-next-key-that-is-at-least-32-bytes-long"] };
        var factoryWithTwoKeys = factory.WithWebHostBuilder(b => b.UseSetting("Auth:SigningKeys:1", rotated.SigningKeys[0]));
        var client = factoryWithTwoKeys.CreateClient();
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", TokenIssuer.Create(rotated, "x", [Roles.Reporter], [], DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/anything")).StatusCode);
    }

    [Theory]
    [InlineData(Policies.ReadFigures, Roles.Auditor, true)]
    [InlineData(Policies.WriteReports, Roles.Reporter, true)]
    [InlineData(Policies.WriteReports, Roles.Auditor, false)]
    [InlineData(Policies.WriteReports, Roles.Planner, false)]
    [InlineData(Policies.ApproveReports, Roles.Reporter, false)]
    [InlineData(Policies.ApproveReports, Roles.Approver, true)]
    [InlineData(Policies.ManageCatalogue, Roles.Planner, true)]
    [InlineData(Policies.ManageCatalogue, Roles.Approver, false)]
    [InlineData(Policies.Audit, Roles.Auditor, true)]
    [InlineData(Policies.Audit, Roles.Reporter, false)]
    [InlineData(Policies.Audit, Roles.Admin, true)]
    public async Task Policies_follow_the_roles(string policy, string role, bool allowed)
    {
        var authorization = factory.Services.GetRequiredService<IAuthorizationService>();
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("sub", "x"), new Claim(ClaimTypes.Role, role)], "Bearer", "sub", ClaimTypes.Role));

        var result = await authorization.AuthorizeAsync(principal, policy);

        Assert.Equal(allowed, result.Succeeded);
    }

    [Fact]
    public async Task An_auditor_who_also_holds_reporter_still_cannot_write()
    {
        var authorization = factory.Services.GetRequiredService<IAuthorizationService>();
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("sub", "x"), new Claim(ClaimTypes.Role, Roles.Auditor), new Claim(ClaimTypes.Role, Roles.Reporter)],
            "Bearer", "sub", ClaimTypes.Role));

        Assert.False((await authorization.AuthorizeAsync(principal, Policies.WriteReports)).Succeeded);
    }
}
