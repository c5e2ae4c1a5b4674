using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GovReport.Benchmarks.Load;

/// <summary>
/// The host as `ops/run` starts it (the Release build, Development environment), on a free
/// loopback port against the benchmark's own database. Its CPU time is read from /proc.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    public Uri BaseAddress { get; }

    private HostProcess(Process process, Uri baseAddress) => (_process, BaseAddress) = (process, baseAddress);

    public static async Task<HostProcess> StartAsync(string repositoryRoot, string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var dll = Path.Combine(repositoryRoot, "src/Host/bin/Release/net10.0/GovReport.Host.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} is missing: build src/Host in Release first (ops/bench does).");
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet", [dll, "serve", "--urls", baseAddress.ToString().TrimEnd('/')])
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__GovReport"] = connectionString;
        // The burst is measured alone: the summary scheduler would publish into it.
        start.Environment["Summaries__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("The host did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) Console.Error.WriteLine($"  host: {line}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, baseAddress);
        await host.WaitReadyAsync();
        return host;
    }

    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    private async Task WaitReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited) throw new InvalidOperationException($"The host exited with code {_process.ExitCode}.");
            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException("The host was not ready within 60 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
