namespace GovReport.Host.Infrastructure.Daemon;

public sealed class ProjectionOptions
{
    public const string Section = "Projections";

    /// <summary>Whether this host takes part in the leader election for the projection daemon.</summary>
    public bool RunDaemon { get; set; } = true;

    /// <summary>How often a subscriber looks for events when no notification woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Readiness fails when the oldest unprojected event is older than this.</summary>
    public TimeSpan MaxLag { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a read of the asynchronous models waits for them to catch up with the log.</summary>
    public TimeSpan ReadWait { get; set; } = TimeSpan.FromSeconds(2);
}
