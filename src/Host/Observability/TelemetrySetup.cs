using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace GovReport.Host.Observability;

/// <summary>
/// OpenTelemetry through the SDK's own builders (the hosting extensions package is not available):
/// the providers are singletons, started by <see cref="TelemetryStarter"/> and disposed with the
/// container. OTLP export is added only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is configured.
/// </summary>
public static class TelemetrySetup
{
    public const string EndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ProtocolKey = "OTEL_EXPORTER_OTLP_PROTOCOL";

    public static IServiceCollection AddGovReportTelemetry(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var builder = Sdk.CreateTracerProviderBuilder()
                .SetResourceBuilder(Resource(sp))
                .AddSource(Telemetry.ActivitySources);
            if (Otlp(sp, "v1/traces") is { } configure) builder.AddOtlpExporter(configure);
            return builder.Build();
        });
        services.AddSingleton(sp =>
        {
            var builder = Sdk.CreateMeterProviderBuilder()
                .SetResourceBuilder(Resource(sp))
                .AddMeter(Telemetry.Meters);
            if (Otlp(sp, "v1/metrics") is { } configure) builder.AddOtlpExporter(configure);
            return builder.Build();
        });
        services.AddHostedService<TelemetryStarter>();
        return services;
    }

    private static ResourceBuilder Resource(IServiceProvider sp) => ResourceBuilder.CreateDefault()
        .AddService(Telemetry.ServiceName, serviceVersion: typeof(Telemetry).Assembly.GetName().Version?.ToString())
        .AddAttributes([new("deployment.environment.name", sp.GetRequiredService<IHostEnvironment>().EnvironmentName)]);

    private static Action<OtlpExporterOptions>? Otlp(IServiceProvider sp, string signalPath)
    {
        var configuration = sp.GetRequiredService<IConfiguration>();
        var endpoint = configuration[EndpointKey];
        if (string.IsNullOrWhiteSpace(endpoint)) return null;
        var http = string.Equals(configuration[ProtocolKey], "http/protobuf", StringComparison.OrdinalIgnoreCase);
        // Set in code, the endpoint is taken literally: over HTTP it must name the signal's path.
        var uri = http ? new Uri(new Uri(endpoint.TrimEnd('/') + "/"), signalPath) : new Uri(endpoint);
        return o =>
        {
            o.Endpoint = uri;
            o.Protocol = http ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        };
    }
}

/// <summary>Creates the providers at start-up (they only listen once they exist) and flushes them at shutdown.</summary>
internal sealed class TelemetryStarter(TracerProvider tracing, MeterProvider metrics) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        tracing.ForceFlush(2000);
        metrics.ForceFlush(2000);
        return Task.CompletedTask;
    }
}
