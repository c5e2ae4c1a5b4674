namespace GovReport.Benchmarks.Reporting;

/// <summary>
/// CPU seconds spent while a phase ran: by the whole machine (the database included, on this
/// one-machine setup) and by this process. Shows whether a baseline already keeps every core busy.
/// </summary>
public sealed class CpuClock
{
    private readonly double? _machineAtStart = MachineBusySeconds();
    private readonly TimeSpan _processAtStart = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
    private readonly long _allocatedAtStart = GC.GetTotalAllocatedBytes();
    private readonly int _collectionsAtStart = GC.CollectionCount(0);

    public string Describe()
    {
        var process = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - _processAtStart).TotalSeconds;
        var machine = MachineBusySeconds() - _machineAtStart;
        // What the process allocated and how often it collected: unlike time, the same on a busy machine as on a quiet one.
        var memory = $"{(GC.GetTotalAllocatedBytes() - _allocatedAtStart) / 1e6:N0} MB allocated, {GC.CollectionCount(0) - _collectionsAtStart} collections";
        return machine is { } m ? $"cpu {m:F1} s on the machine, {process:F1} s in this process; {memory}" : $"cpu {process:F1} s in this process; {memory}";
    }

    /// <summary>Busy time of all cores from /proc/stat (everything but idle and iowait); null off Linux.</summary>
    private static double? MachineBusySeconds()
    {
        if (!File.Exists("/proc/stat")) return null;
        var ticks = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(t => double.Parse(t, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return (ticks.Sum() - ticks[3] - ticks[4]) / 100.0; // USER_HZ is 100 on Linux
    }
}
