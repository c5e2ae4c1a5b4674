using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Cli;
using GovReport.Host.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GovReport.Host.Tests.Security;

/// <summary>
/// Finding 8: an empty <c>sub</c> authenticated and then every endpoint answered 500; tokens had
/// no maximum lifetime (a 100-year token worked, <c>token --hours</c> was unbounded); Production
/// accepted the public development key. Tokens now go through the JwtBearer scheme with a
/// required subject, a lifetime cap and a skew of at most 30 s.
/// </summary>
public class TokenValidationTests(GovReportFactory factory) : IClassFixture<GovReportFactory>
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>A token signed with the host's key, with exactly the claims and times given.</summary>
    private string Sign(IDictionary<string, object> claims, DateTimeOffset? issuedAt, DateTimeOffset? notBefore, DateTimeOffset expires)
    {
        var options = factory.AuthOptions;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Claims = claims,
            IssuedAt = issuedAt?.UtcDateTime,
            NotBefore = notBefore?.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.SigningKeys[0])), SecurityAlgorithms.HmacSha256),
        });
    }

    private async Task<HttpResponseMessage> GetUnitsAsync(string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync("/api/units");
    }

    private static Dictionary<string, object> Admin(object? subject)
    {
        var claims = new Dictionary<string, object> { ["role"] = Roles.Admin };
        if (subject is not null) claims["sub"] = subject;
        return claims;
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task Given_a_token_without_a_subject_then_401_problem_not_500(string? subject)
    {
        var now = DateTimeOffset.UtcNow;
        var token = Sign(Admin(subject), now, now, now.AddHours(1));

        var response = await GetUnitsAsync(token);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.Single().Parameter);
    }

    [Fact]
    public async Task Given_a_token_living_a_hundred_years_then_401()
    {
        var now = DateTimeOffset.UtcNow;

        var response = await GetUnitsAsync(Sign(Admin("old-timer"), now, now, now.AddYears(100)));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Theory]
    [InlineData(12 * 60, HttpStatusCode.OK)]
    [InlineData(12 * 60 + 1, HttpStatusCode.Unauthorized)]
    public async Task Given_the_default_cap_of_twelve_hours_then_a_token_may_live_that_long_and_no_longer(int minutes, HttpStatusCode expected)
    {
        var now = DateTimeOffset.UtcNow;

        var response = await GetUnitsAsync(Sign(Admin("shift"), now, now, now.AddMinutes(minutes)));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Given_a_long_token_that_claims_to_be_issued_later_then_401()
    {
        // iat in the future would let exp - iat stay under the cap while the token lives for years.
        var now = DateTimeOffset.UtcNow;

        var response = await GetUnitsAsync(Sign(Admin("time-traveller"), now.AddYears(10), null, now.AddYears(10).AddHours(1)));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Given_a_token_with_neither_iat_nor_nbf_then_its_lifetime_is_unknown_and_it_is_refused()
    {
        var response = await GetUnitsAsync(Sign(Admin("timeless"), null, null, DateTimeOffset.UtcNow.AddHours(1)));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Given_a_role_under_the_long_claim_type_then_it_is_not_a_role()
    {
        var now = DateTimeOffset.UtcNow;
        var claims = new Dictionary<string, object> { ["sub"] = "mapper", [ClaimTypes.Role] = Roles.Planner };

        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Sign(claims, now, now, now.AddHours(1)));
        var response = await client.PutAsync("/api/indicators/some-code", JsonContent());

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    private static StringContent JsonContent() => new("{}", Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("13")]
    [InlineData("876000")]
    public void Given_hours_beyond_the_cap_then_the_token_verb_is_a_usage_error(string hours)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = TokenVerb.Run(["--role", "admin", "--hours", hours, "--environment", "Development"], stdout, stderr);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout.ToString());
        Assert.Contains("Auth:MaxTokenLifetime", stderr.ToString());
    }

    [Fact]
    public void Given_hours_within_the_cap_then_the_token_verb_prints_a_token()
    {
        var stdout = new StringWriter();

        Assert.Equal(0, TokenVerb.Run(["--role", "admin", "--hours", "12", "--environment", "Development"], stdout, new StringWriter()));
        Assert.Matches(@"^[\w-]+\.[\w-]+\.[\w-]+$", stdout.ToString().Trim());
    }

    [Fact]
    public void Given_a_skew_over_thirty_seconds_or_a_default_lifetime_over_the_cap_then_the_configuration_is_refused()
    {
        var options = new AuthOptions
        {
            Issuer = "i", Audience = "a", SigningKeys = [new string('k', 40)],
            ClockSkew = TimeSpan.FromMinutes(5), TokenLifetime = TimeSpan.FromHours(24),
        };

        var problems = options.Problems(isDevelopment: true).ToList();

        Assert.Contains(problems, p => p.Contains("Auth:ClockSkew"));
        Assert.Contains(problems, p => p.Contains("Auth:TokenLifetime"));
    }
}

public class DevelopmentKeyInProductionTests
{
    private sealed class DevelopmentKeyFactory : GovReportFactory
    {
        protected override string EnvironmentName => "Production";

        protected override void ConfigureSettings(IDictionary<string, string?> settings)
        {
            settings["Auth:Issuer"] = "govreport";
            settings["Auth:SigningKeys:0"] = AuthOptions.DevelopmentKey;
        }
    }

    [Fact]
    public async Task Given_production_configured_with_the_public_development_key_then_the_host_refuses_to_start()
    {
        await using var factory = new DevelopmentKeyFactory();
        await ((IAsyncLifetime)factory).InitializeAsync();
        try
        {
            var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
            Assert.Contains("development key", error.ToString());
        }
        finally
        {
            await ((IAsyncLifetime)factory).DisposeAsync();
        }
    }

    [Fact]
    public void Given_the_development_key_outside_development_then_the_token_verb_refuses_to_sign()
    {
        var options = new AuthOptions { Issuer = "govreport", Audience = "govreport", SigningKeys = [AuthOptions.DevelopmentKey] };
        Assert.True(TokenVerb.TryParse(["--role", "admin", "--environment", "Production"], out var request, out _));

        Assert.NotNull(TokenVerb.Refusal(options, request));
    }
}
