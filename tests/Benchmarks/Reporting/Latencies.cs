using System.Diagnostics;

namespace GovReport.Benchmarks.Reporting;

/// <summary>Collects per-call durations; the total is the sum of the timed calls only.</summary>
public sealed class Latencies
{
    private readonly List<double> _ms = [];

    public double TotalSeconds => _ms.Sum() / 1000;

    public int Calls => _ms.Count;

    public async Task<T> TimeAsync<T>(Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await call();
        _ms.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    public async Task TimeAsync(Func<Task> call) => await TimeAsync(async () => { await call(); return 0; });

    public double Percentile(double p) => _ms.Count == 0 ? 0 : Percentile(_ms, p);

    /// <summary>The nearest-rank percentile <paramref name="p"/> (0–100) of <paramref name="values"/>; NaN when there are none.</summary>
    public static double Percentile(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        var index = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }
}
