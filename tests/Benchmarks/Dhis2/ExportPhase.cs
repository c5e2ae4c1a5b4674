using System.Diagnostics;
using GovReport.Benchmarks.National;
using GovReport.Benchmarks.Reporting;

namespace GovReport.Benchmarks.Dhis2;

/// <summary>
/// One export of the whole country as a dataValueSet, read as a DHIS2 client reads it: the body
/// streamed and counted as it arrives, never held. Each data value is one JSON object and the
/// values hold no braces, so the values are the objects less the envelope.
/// </summary>
public static class ExportPhase
{
    public sealed record Export(string Period, long Values, long Bytes, double Seconds, double FirstByteMs, bool CaughtUp)
    {
        public string Label { get; init; } = Period;
        public ProcessMemory.Usage? Memory { get; init; }
        public double HostCpuSeconds { get; init; }

        public BenchResult Result(double? goalSeconds) => new($"export dataValueSets, whole country, {Label}", "values", Values, Seconds)
        {
            // A goal in seconds, put as a ratio so the table's Met column reads it: goal / elapsed ≥ 1.
            Baseline = goalSeconds is { } g ? $"{g} s goal" : null,
            Ratio = goalSeconds is { } goal ? goal / Seconds : null,
            Goal = goalSeconds is null ? null : 1.0,
            Note = $"{Bytes / 1024.0 / 1024.0:F1} MB of JSON, first byte after {FirstByteMs:F0} ms; host CPU {HostCpuSeconds:F2} s, {Memory?.Describe()}" +
                   (CaughtUp ? "" : "; read models NOT caught up"),
        };
    }

    public static async Task<Export> RunAsync(HttpClient http, string period)
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync($"/api/dhis2/dataValueSets?period={period}&orgUnit={Country.Root}&children=true",
            HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"export {period}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var caughtUp = response.Headers.TryGetValues("X-Read-Models-Caught-Up", out var fresh) && fresh.First() == "true";
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        long bytes = 0, objects = 0;
        double firstByte = -1;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            if (firstByte < 0) firstByte = clock.Elapsed.TotalMilliseconds;
            bytes += read;
            objects += buffer.AsSpan(0, read).Count((byte)'{');
        }
        return new Export(period, Math.Max(0, objects - 1), bytes, clock.Elapsed.TotalSeconds, firstByte, caughtUp);
    }
}
