using System.Net;
using System.Net.Http.Json;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace GovReport.Host.Tests.Observability;

/// <summary>
/// Only per-signal endpoints are set: traces go to a path of the collector's choosing, and
/// metrics to a port where nothing listens, which must cost the requests nothing.
/// </summary>
public class OtlpSignalEndpointTests(OtlpSignalEndpointTests.PerSignalFactory factory)
    : IClassFixture<OtlpSignalEndpointTests.PerSignalFactory>
{
    public sealed class PerSignalFactory : GovReportFactory
    {
        public OtlpReceiver Receiver { get; } = OtlpReceiver.Start();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", new Uri(Receiver.Endpoint, "collector/traces").ToString());
            builder.UseSetting("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "http://127.0.0.1:1/v1/metrics");
        }

        protected override void ConfigureSettings(IDictionary<string, string?> settings)
        {
            settings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
            settings["OTEL_BSP_SCHEDULE_DELAY"] = "100";
            settings["OTEL_METRIC_EXPORT_INTERVAL"] = "100";
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing) Receiver.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    [Fact]
    public async Task Traces_go_to_their_own_endpoint_as_given_and_an_unreachable_metrics_endpoint_breaks_nothing()
    {
        var unitId = "otlp-" + Guid.NewGuid().ToString("N")[..12];

        var response = await factory.CreateClient(Roles.Planner)
            .PutAsJsonAsync($"/api/units/{unitId}", new { name = $"Đơn vị {unitId}", kind = "district" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Empty(await factory.Receiver.WaitForAsync("/collector/traces",
            [$"/api/units/{unitId}", "eventstore.append"], TimeSpan.FromSeconds(20)));
        Assert.Equal(0, factory.Receiver.Count("/v1/traces"));
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/health/live")).StatusCode);
    }
}
