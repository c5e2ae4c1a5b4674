using System.Net;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Limits;
using GovReport.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GovReport.Host.Tests;

public class BodyLimitTests(TestEndpointsFactory factory) : IClassFixture<TestEndpointsFactory>
{
    private static ByteArrayContent Body(int bytes)
    {
        var content = new ByteArrayContent(new byte[bytes]);
        content.Headers.ContentType = new("application/json");
        return content;
    }

    [Fact]
    public async Task A_body_over_one_mebibyte_is_a_413_problem()
    {
        var response = await factory.CreateClient(Roles.Admin).PostAsync("/api/test/echo", Body(2 * 1024 * 1024));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "too-large");
    }

    [Fact]
    public async Task A_large_body_to_an_unknown_route_is_refused_before_routing_matters()
    {
        var response = await factory.CreateClient(Roles.Admin).PostAsync("/api/anything", Body(2 * 1024 * 1024));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "too-large");
    }

    [Fact]
    public void Kestrel_gets_the_same_limit()
    {
        var kestrel = factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;
        var limits = factory.Services.GetRequiredService<IOptions<LimitOptions>>().Value;

        Assert.Equal(1024 * 1024, limits.MaxRequestBodyBytes);
        Assert.Equal(limits.MaxRequestBodyBytes, kestrel.Limits.MaxRequestBodySize);
    }
}

public class RateLimitTests(RateLimitTests.TinyRateLimitFactory factory) : IClassFixture<RateLimitTests.TinyRateLimitFactory>
{
    public sealed class TinyRateLimitFactory : GovReportFactory
    {
        protected override void ConfigureSettings(IDictionary<string, string?> settings)
        {
            settings["RateLimit:PermitLimit"] = "3";
            settings["RateLimit:TokensPerPeriod"] = "3";
            settings["RateLimit:Period"] = "01:00:00";
        }
    }

    [Fact]
    public async Task A_caller_over_its_budget_gets_429_with_retry_after_and_others_do_not()
    {
        var greedy = factory.CreateClient([Roles.Reporter], ["bac-kan"], "greedy");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 4; i++)
        {
            last = await greedy.GetAsync("/api/anything");
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
        await ProblemAssert.IsProblemAsync(last, HttpStatusCode.TooManyRequests, "too-many-requests");
        Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        var patient = factory.CreateClient([Roles.Reporter], ["bac-kan"], "patient");
        Assert.Equal(HttpStatusCode.NotFound, (await patient.GetAsync("/api/anything")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await greedy.GetAsync("/health/live")).StatusCode);
    }
}
