using System.Net;
using System.Text.Json;
using GovReport.Host.Infrastructure.Health;
using GovReport.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GovReport.Host.Tests;

public class ReadinessProbeTests(ReadinessProbeTests.ExtraProbesFactory factory) : IClassFixture<ReadinessProbeTests.ExtraProbesFactory>
{
    public sealed class LagProbe : IReadinessProbe
    {
        public Task<ProbeResult> CheckAsync(CancellationToken cancellationToken) =>
            Task.FromResult(new ProbeResult("sample-lag", true, null, new { lagSeconds = 0.4 }));
    }

    public sealed class BrokenProbe : IReadinessProbe
    {
        public Task<ProbeResult> CheckAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("migrations table missing");
    }

    public sealed class ExtraProbesFactory : GovReportFactory
    {
        protected override void ConfigureServices(IServiceCollection services) =>
            services.AddReadinessProbe<LagProbe>().AddReadinessProbe<BrokenProbe>().AddReadinessProbe<LagProbe>();
    }

    [Fact]
    public async Task Every_registered_probe_runs_and_one_failure_makes_the_host_not_ready()
    {
        // Details are for operators: an admin sees them (anonymous callers see names and statuses only).
        var response = await factory.CreateClient(GovReport.Host.Infrastructure.Auth.Roles.Admin).GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var checks = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("checks")
            .EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal(["broken", "database", "migrations", "projections", "runtime-role", "sample-lag", "skipped-events"], checks.Keys.Order());
        Assert.True(checks["database"].GetProperty("ready").GetBoolean());
        Assert.Equal(0.4, checks["sample-lag"].GetProperty("data").GetProperty("lagSeconds").GetDouble());
        Assert.False(checks["broken"].GetProperty("ready").GetBoolean());
        Assert.Equal("migrations table missing", checks["broken"].GetProperty("detail").GetString());
    }
}
