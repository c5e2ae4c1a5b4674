using System.Globalization;

namespace GovReport.Benchmarks.Dhis2;

/// <summary>
/// Another process's resident memory, read from /proc/&lt;pid&gt;/status while something runs: the
/// resident set before, and its peak during (sampled every few milliseconds, and the kernel's own
/// high-water mark, reset first through clear_refs where the kernel allows it).
/// </summary>
public sealed class ProcessMemory(int processId)
{
    public sealed record Usage(long BeforeBytes, long PeakBytes, long AfterBytes)
    {
        public long GrowthBytes => Math.Max(0, PeakBytes - BeforeBytes);
        public static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("F1", CultureInfo.InvariantCulture);
        public string Describe() => $"RSS {Mb(BeforeBytes)} MB before, peak {Mb(PeakBytes)} MB (+{Mb(GrowthBytes)} MB)";
    }

    public async Task<(T Result, Usage Memory)> MeasureAsync<T>(Func<Task<T>> run)
    {
        ResetHighWaterMark();
        var before = Read("VmRSS:");
        var peak = before;
        using var done = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                peak = Math.Max(peak, Read("VmRSS:"));
                try { await Task.Delay(5, done.Token); } catch (OperationCanceledException) { }
            }
        });
        var result = await run();
        await done.CancelAsync();
        await sampler;
        var after = Read("VmRSS:");
        // The kernel's mark catches a peak between two samples; it only counts if the reset worked.
        if (_resetWorks) peak = Math.Max(peak, Read("VmHWM:"));
        return (result, new Usage(before, Math.Max(peak, after), after));
    }

    private bool _resetWorks;

    private void ResetHighWaterMark()
    {
        try
        {
            File.WriteAllText($"/proc/{processId}/clear_refs", "5");
            _resetWorks = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _resetWorks = false;
        }
    }

    private long Read(string field)
    {
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
            if (line.StartsWith(field, StringComparison.Ordinal))
                return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        return 0;
    }
}
