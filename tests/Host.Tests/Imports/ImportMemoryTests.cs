using System.Diagnostics;
using System.Runtime.InteropServices;
using GovReport.Host.Imports;
using GovReport.Host.Tests.Reports;
using Xunit.Abstractions;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Imports;

/// <summary>
/// The import verb as an operator runs it, in a process of its own, against the finding's two
/// bombs: its peak resident memory (the kernel's high-water mark for the child) stays near a
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
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        await stdout;
        // The largest child this process has reaped: the import, unless another test's child was larger.
        return (process.ExitCode, await stderr, ChildrenPeakKb(), watch.Elapsed);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceUsage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
        public long MaxResidentKb;
        public long Rest0, Rest1, Rest2, Rest3, Rest4, Rest5, Rest6, Rest7, Rest8, Rest9, Rest10, Rest11, Rest12, Rest13;
    }

    private const int UsageOfChildren = -1;

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetResourceUsage(int who, out ResourceUsage usage);

    private static long ChildrenPeakKb() =>
        GetResourceUsage(UsageOfChildren, out var usage) == 0 ? usage.MaxResidentKb : throw new InvalidOperationException("getrusage failed");
}
