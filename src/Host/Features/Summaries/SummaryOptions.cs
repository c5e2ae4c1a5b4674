namespace GovReport.Host.Features.Summaries;

public sealed class SummaryOptions
{
    public const string Section = "Summaries";

    /// <summary>Whether this host runs the automatic publication loop (on-demand publication works regardless).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the loop looks for periods whose deadline has passed. Deadlines are days apart.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Wait before the first pass, so a host that is starting (or a test) settles first.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The first month to summarise ("2022-01"); unset means the first month anyone reported for.</summary>
    public string? Start { get; set; }

    /// <summary>However long a host was down, catch-up looks back at most this many months.</summary>
    public int MaxCatchUpMonths { get; set; } = 36;

    /// <summary>How long a publication waits for the read models to catch up with the log.</summary>
    public TimeSpan CatchUpWait { get; set; } = TimeSpan.FromSeconds(10);
}
