using System.Collections.Concurrent;
using System.Diagnostics;
using GovReport.Host.Infrastructure.Correlation;
using GovReport.Host.Infrastructure.Telemetry;
using GovReport.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace GovReport.Host.Tests;

public class TelemetryTests(GovReportFactory factory) : IClassFixture<GovReportFactory>
{
    [Fact]
    public async Task A_request_produces_an_aspnetcore_activity_tagged_with_the_correlation_id()
    {
        var seen = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = seen.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var correlationId = "telemetry-" + Guid.NewGuid().ToString("N");
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(CorrelationMiddleware.HeaderName, correlationId);

        await client.GetAsync("/health/live");

        Assert.Contains(seen, a => a.Source.Name == "Microsoft.AspNetCore"
                                   && (a.GetTagItem(CorrelationMiddleware.ActivityTag) as string) == correlationId);
    }

    [Fact]
    public void The_providers_are_registered_singletons()
    {
        // Two request scopes share one provider: a scoped or transient one would start a second exporter per request.
        using var first = factory.Services.CreateScope();
        using var second = factory.Services.CreateScope();
        Assert.Same(first.ServiceProvider.GetRequiredService<TracerProvider>(), second.ServiceProvider.GetRequiredService<TracerProvider>());
        Assert.Same(first.ServiceProvider.GetRequiredService<MeterProvider>(), second.ServiceProvider.GetRequiredService<MeterProvider>());
        Assert.Equal("govreport", Telemetry.ServiceName);
    }
}
