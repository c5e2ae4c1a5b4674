using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace GovReport.Host.Observability;

/// <summary>
/// Names shared by everything that emits telemetry. Own sources and meters must be named
/// <c>GovReport.*</c> to be collected (e.g. <c>new ActivitySource("GovReport.Projections")</c>).
/// </summary>
public static class Telemetry
{
    public const string ServiceName = "govreport";
    public const string SourcePrefix = "GovReport";
    public const string HostSourceName = "GovReport.Host";

    public static readonly string[] ActivitySources = ["Microsoft.AspNetCore", "Npgsql", "GovReport.*"];
    public static readonly string[] Meters =
        ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Npgsql", "GovReport.*"];

    public static readonly ActivitySource HostSource = new(HostSourceName);
    public static readonly Meter HostMeter = new(HostSourceName);
}
