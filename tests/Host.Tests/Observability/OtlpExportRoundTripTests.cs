using System.Net;
using System.Net.Http.Json;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Correlation;
using GovReport.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace GovReport.Host.Tests.Observability;

/// <summary>
/// The real host exports to a collector on loopback through the SDK's own reading of the OTEL_*
/// settings. The payloads are protobuf; the names looked for are UTF-8 strings inside them.
/// </summary>
public class OtlpExportRoundTripTests(OtlpExportRoundTripTests.ExportingFactory factory)
    : IClassFixture<OtlpExportRoundTripTests.ExportingFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public sealed class ExportingFactory : GovReportFactory
    {
        public OtlpReceiver Receiver { get; } = OtlpReceiver.Start();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // The endpoint decides at registration whether to export, so it has to be host
            // configuration; the test's in-memory settings only arrive when the host is built.
            builder.UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", Receiver.Endpoint.ToString());
        }

        protected override void ConfigureSettings(IDictionary<string, string?> settings)
        {
            // Read by the SDK itself from configuration, as a deployment's environment would be.
            settings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
            settings["OTEL_BSP_SCHEDULE_DELAY"] = "100";
            settings["OTEL_BLRP_SCHEDULE_DELAY"] = "100";
            settings["OTEL_METRIC_EXPORT_INTERVAL"] = "250";
            settings["OTEL_SERVICE_NAME"] = "govreport-otlp-roundtrip";
            settings["OTEL_RESOURCE_ATTRIBUTES"] = "deployment.region=otlp-roundtrip-region";
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing) Receiver.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    [Fact]
    public async Task An_append_over_http_reaches_the_collector_as_request_database_and_store_spans()
    {
        var unitId = "otlp-" + Guid.NewGuid().ToString("N")[..12];
        var correlationId = "otlp-trace-" + Guid.NewGuid().ToString("N");

        var response = await PutUnitAsync(unitId, correlationId);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var missing = await factory.Receiver.WaitForAsync("/v1/traces",
        [
            "PUT /api/units/{unitId}",       // the ASP.NET Core server span, named by its route
            $"/api/units/{unitId}",          // its url.path
            correlationId,                   // the tag CorrelationMiddleware puts on it
            "GovReport.EventStore",          // our source's scope ...
            "eventstore.append",             // ... and its append span
            "Npgsql",                        // Npgsql's scope ...
            factory.Database.Name,           // ... with db.namespace naming this test's database
            "govreport-otlp-roundtrip",      // OTEL_SERVICE_NAME
            "otlp-roundtrip-region",         // OTEL_RESOURCE_ATTRIBUTES
        ], Patience);
        Assert.True(missing.Length == 0, "Not exported within 20 s: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task Appends_requests_database_calls_and_projection_lag_reach_the_collector_as_metrics()
    {
        var response = await PutUnitAsync("otlp-" + Guid.NewGuid().ToString("N")[..12], "otlp-metrics");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var missing = await factory.Receiver.WaitForAsync("/v1/metrics",
        [
            "govreport.eventstore.events_appended",
            "govreport.eventstore.append.duration",
            "govreport.projections.lag.events",
            "govreport.projections.lag.seconds",
            "http.server.request.duration",
            "/api/units/{unitId}",           // the http.route attribute of that request metric
            "db.client.operation.duration",  // Npgsql's meter
            "dotnet.gc.collections",         // the runtime's
            "govreport-otlp-roundtrip",
        ], Patience);
        Assert.True(missing.Length == 0, "Not exported within 20 s: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task Logs_reach_the_collector_too()
    {
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/health/live")).StatusCode);

        var missing = await factory.Receiver.WaitForAsync("/v1/logs", ["govreport-otlp-roundtrip", "Microsoft.Hosting.Lifetime"], Patience);

        Assert.True(missing.Length == 0, "Not exported within 20 s: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task Health_probes_are_left_out_of_the_traces()
    {
        var probeId = "otlp-probe-" + Guid.NewGuid().ToString("N");
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(CorrelationMiddleware.HeaderName, probeId);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var afterId = "otlp-after-probe-" + Guid.NewGuid().ToString("N");

        await PutUnitAsync("otlp-" + Guid.NewGuid().ToString("N")[..12], afterId);

        // The later request's span is exported once the probe's would have been.
        Assert.Empty(await factory.Receiver.WaitForAsync("/v1/traces", [afterId], Patience));
        Assert.Equal([probeId], await factory.Receiver.WaitForAsync("/v1/traces", [probeId], TimeSpan.Zero));
    }

    private Task<HttpResponseMessage> PutUnitAsync(string unitId, string correlationId)
    {
        var client = factory.CreateClient(Roles.Planner);
        client.DefaultRequestHeaders.Add(CorrelationMiddleware.HeaderName, correlationId);
        return client.PutAsJsonAsync($"/api/units/{unitId}", new { name = $"Đơn vị {unitId}", kind = "district" });
    }
}
