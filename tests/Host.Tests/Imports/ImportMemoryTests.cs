using System.Diagnostics;
using GovReport.Host.Features.Imports;
using GovReport.Host.Tests.Reports;
using Xunit.Abstractions;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Imports;

/// <summary>
/// The import verb as an operator runs it, in a process of its own, against the finding's two
/// bombs: its peak resident memory (the kernel's high-water mark, VmHWM) stays near a
/// bare start-up's, where the whole-document reader took 1.3 GB for the first and ran out of
/// memory on the second.
/// </summary>
public sealed class ImportMemoryTests(ReportsFactory factory, ITestOutputHelper output) : IClassFixture<ReportsFactory>, IDisposable
{
    /// <summary>A started host process is about 100 MB resident; the bombs inflated would be gigabytes.</summary>
    private const long PeakBoundKb = 300 * 1024;

    private readonly string _folder = Directory.CreateTempSubdirectory("govreport-import-memory-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(50L * 1024 * 1024)]
    [InlineData(2L * 1024 * 1024 * 1024)]
    public async Task Given_a_spreadsheet_bomb_when_the_import_verb_runs_then_its_peak_memory_stays_near_start_up(long xmlBytes)
    {
        var path = Path.Combine(_folder, $"bom-{xmlBytes >> 20}mb.xlsx");
        Workbooks.Bomb(path, xmlBytes);

        var (exit, errors, peakKb, elapsed) = await RunImportAsync(path);

        output.WriteLine($"{new FileInfo(path).Length / 1024:N0} KB holding {xmlBytes >> 20:N0} MB of sheet XML: exit {exit}, "
                         + $"peak {peakKb / 1024:N0} MB resident, {elapsed.TotalSeconds:0.0} s");
        Assert.True(exit == (int)SheetProblem.ZipBomb, errors);
        Assert.True(peakKb < PeakBoundKb, $"the import peaked at {peakKb / 1024:N0} MB");
    }

    private async Task<(int Exit, string Errors, long PeakKb, TimeSpan Elapsed)> RunImportAsync(string path)
    {
        var host = typeof(ImportVerb).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { host, "import", "--unit", Commune, "--month", "2022-01", "--file", path }) start.ArgumentList.Add(arg);
        start.Environment["ConnectionStrings__GovReport"] = factory.Database.ConnectionString;
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var peak = PeakWhileRunningAsync(process);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        await stdout;
        return (process.ExitCode, await stderr, await peak, watch.Elapsed);
    }

    /// <summary>
    /// The child's VmHWM, read until it exits. The mark only rises, and the verb spends its last
    /// hundred milliseconds shutting the host down, so the last reading holds the peak.
    /// </summary>
    private static async Task<long> PeakWhileRunningAsync(Process process)
    {
        long peak = 0;
        var status = $"/proc/{process.Id}/status";
        while (!process.HasExited)
        {
            try
            {
                foreach (var line in await File.ReadAllLinesAsync(status))
                    if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                        peak = Math.Max(peak, long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0]));
            }
            catch (IOException)
            {
                break; // gone between the check and the read
            }
            await Task.Delay(5);
        }
        return peak;
    }
}
