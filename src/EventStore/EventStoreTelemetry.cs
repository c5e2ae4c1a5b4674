using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace GovReport.EventStore;

/// <summary>The store's own traces and metrics, exported by whatever OpenTelemetry pipeline the host wires.</summary>
public static class EventStoreTelemetry
{
    public const string SourceName = "GovReport.EventStore";

    public static readonly ActivitySource ActivitySource = new(SourceName);
    public static readonly Meter Meter = new(SourceName);

    public static readonly Counter<long> EventsAppended =
        Meter.CreateCounter<long>("govreport.eventstore.events_appended", "{event}", "Events appended to the log.");

    public static readonly Histogram<double> AppendDuration =
        Meter.CreateHistogram<double>("govreport.eventstore.append.duration", "ms", "Time to append one batch, commit included.");

    public static readonly Counter<long> ConcurrencyConflicts =
        Meter.CreateCounter<long>("govreport.eventstore.concurrency_conflicts", "{append}", "Appends refused because the stream had moved on.");

    public static readonly Counter<long> EventsDelivered =
        Meter.CreateCounter<long>("govreport.eventstore.events_delivered", "{event}", "Events handed to subscribers.");
}
