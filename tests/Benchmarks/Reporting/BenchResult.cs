namespace GovReport.Benchmarks.Reporting;

/// <summary>One measured line: how many items in how long, and how it compares with its baseline.</summary>
public sealed record BenchResult(string Name, string Unit, long Count, double Seconds)
{
    public double PerSecond => Seconds > 0 ? Count / Seconds : 0;
    public string? Baseline { get; init; }
    public double? Ratio { get; init; }
    public double? Goal { get; init; }
    public bool? GoalMet => Ratio is { } r && Goal is { } g ? r >= g : null;
    public double? P50Ms { get; init; }
    public double? P95Ms { get; init; }
    public string? Note { get; init; }

    public BenchResult ComparedWith(BenchResult baseline, double? goal) => this with
    {
        Baseline = baseline.Name,
        Ratio = baseline.PerSecond > 0 ? PerSecond / baseline.PerSecond : null,
        Goal = goal,
    };
}

/// <summary>A figure found while looking for where the time goes, printed under the table.</summary>
public sealed record Diagnostic(string Name, string Value, string? Detail = null);
