namespace GovReport.Host.Features.Dhis2.Push;

/// <summary>
/// Push a report's figures as approved (or corrected after approval) at this event to DHIS2.
/// The fact is the event: (stream, version) is its identity, so however often the message is
/// delivered, DHIS2 receives it once.
/// </summary>
public sealed record PushApprovedFigures(string StreamId, long Version, string Unit, string Month, Guid EventId);
