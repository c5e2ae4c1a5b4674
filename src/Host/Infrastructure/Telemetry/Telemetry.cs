using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace GovReport.Host.Infrastructure.Telemetry;

/// <summary>
/// Names shared by everything that emits telemetry. Own sources and meters must be named
/// <c>GovReport.*</c> to be collected (e.g. <c>new ActivitySource("GovReport.Projections")</c>);
/// ASP.NET Core, HttpClient, Npgsql and the runtime come through their instrumentation packages.
/// </summary>
public static class Telemetry
{
    public const string ServiceName = "govreport";
    public const string SourcePrefix = "GovReport";
    public const string HostSourceName = "GovReport.Host";

    public static readonly string[] ActivitySources = [SourcePrefix + ".*"];
    public static readonly string[] Meters = [SourcePrefix + ".*"];

    public static readonly ActivitySource HostSource = new(HostSourceName);
    public static readonly Meter HostMeter = new(HostSourceName);
}
