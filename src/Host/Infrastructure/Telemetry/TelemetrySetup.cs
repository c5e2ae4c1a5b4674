using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace GovReport.Host.Infrastructure.Telemetry;

/// <summary>
/// OpenTelemetry through the hosting package: requests, outgoing HTTP, Npgsql commands, the
/// runtime and our own <c>GovReport.*</c> sources and meters. The SDK reads every OTEL_* setting
/// (endpoints, protocol, headers, intervals, service name, resource attributes) from configuration
/// itself; this class only decides whether there is anywhere to export to.
/// </summary>
public static class TelemetrySetup
{
    /// <summary>
    /// Any of these turns OTLP export on. Without one nothing is exported: the SDK's default,
    /// localhost:4317, would have every test host and <c>ops/run</c> retry a collector that is not there.
    /// </summary>
    public static readonly string[] EndpointKeys =
    [
        "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
        "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT",
    ];

    /// <remarks>
    /// Takes the builder, not the services: whether to export has to be known while registering,
    /// and only the builder's configuration is there yet (environment, command line, appsettings).
    /// A WebApplicationFactory adds its in-memory settings later, so a test gives the endpoint with
    /// <c>UseSetting</c>; everything else the SDK reads lazily and in-memory settings reach it.
    /// </remarks>
    public static IHostApplicationBuilder AddGovReportTelemetry(this IHostApplicationBuilder builder)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource
                .AddService(Telemetry.ServiceName, serviceVersion: typeof(Telemetry).Assembly.GetName().Version?.ToString())
                .AddAttributes([new("deployment.environment.name", builder.Environment.EnvironmentName)])
                // Again after our defaults, so OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES win over them.
                .AddEnvironmentVariableDetector())
            .WithTracing(tracing => tracing
                // Probes arrive every few seconds from each orchestrator and would bury the requests
                // worth reading; their rate and latency still show in http.server.request.duration.
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource(Telemetry.ActivitySources)
                // Durable messages: each send, receipt and handler run, so a push or reminder joins its trace.
                .AddSource("Wolverine"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(Telemetry.Meters)
                .AddMeter("Wolverine"));
        // One exporter for traces, metrics and logs; unlike AddOtlpExporter it honours the per-signal endpoints.
        if (ExportConfigured(builder.Configuration)) telemetry.UseOtlpExporter();
        return builder;
    }

    public static bool ExportConfigured(IConfiguration configuration) =>
        EndpointKeys.Any(key => !string.IsNullOrWhiteSpace(configuration[key]));
}
