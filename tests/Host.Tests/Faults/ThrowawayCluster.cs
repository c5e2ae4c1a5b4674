using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace GovReport.Host.Tests.Faults;

/// <summary>
/// A PostgreSQL server of the test's own, in a temporary directory on a free loopback port, that
/// a fault test may crash and restart: the shared server on 5432 serves every other test and is
/// never touched. Runs as user <c>postgres</c> when the tests run as root (PostgreSQL refuses
/// root), as the current user otherwise. Disposing stops it and deletes the directory.
/// </summary>
internal sealed class ThrowawayCluster : IAsyncDisposable
{
    public const string Role = "govreport";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly string _bin;
    private readonly string _root;
    private bool _stopped;

    public int Port { get; }
    private string Data => Path.Combine(_root, "data");
    private string Sockets => Path.Combine(_root, "sockets");
    private string Log => Path.Combine(_root, "server.log");

    private ThrowawayCluster(string bin, string root, int port)
    {
        _bin = bin;
        _root = root;
        Port = port;
    }

    public static async Task<ThrowawayCluster> CreateAsync(string database)
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderBy(b => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : new Version())
                .LastOrDefault()
            : null;
        if (bin is null) throw new InvalidOperationException("No PostgreSQL under /usr/lib/postgresql/*/bin: run ops/db-setup first.");

        var root = Directory.CreateTempSubdirectory("govreport-fault-").FullName;
        var cluster = new ThrowawayCluster(bin, root, FreePort());
        try
        {
            Directory.CreateDirectory(cluster.Sockets);
            if (IsRoot) await RunAsync("chown", ["-R", "postgres:postgres", root]);
            await cluster.AsServerAsync("initdb", "-D", cluster.Data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync");
            await cluster.StartAsync();
            await using var admin = new NpgsqlConnection(cluster.ConnectionString("postgres", "postgres"));
            await admin.OpenAsync();
            foreach (var sql in new[]
                     {
                         // As ops/db-setup makes it: the host connects as an ordinary role, not a superuser.
                         $"CREATE ROLE {Role} LOGIN CREATEDB PASSWORD '{Role}'",
                         $"ALTER ROLE {Role} SET idle_in_transaction_session_timeout = '60s'",
                         $"CREATE DATABASE \"{database}\" OWNER {Role}",
                     })
            {
                await using var command = new NpgsqlCommand(sql, admin);
                await command.ExecuteNonQueryAsync();
            }
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public string ConnectionString(string database, string user = Role) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = Port, Username = user, Password = user, Database = database,
        // A crashed server must not hold a caller for the default 15 s.
        Timeout = 5,
    }.ConnectionString;

    /// <summary>Starts the server; after a crash, orphaned backends may hold the old shared memory a moment longer.</summary>
    public async Task StartAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await AsServerAsync("pg_ctl", "-D", Data, "-l", Log, "-w", "-t", "30", "-o",
                    $"-p {Port} -k {Sockets} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60", "start");
                _stopped = false;
                return;
            }
            catch (InvalidOperationException) when (deadline.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(250);
            }
        }
    }

    /// <summary>A crash: SIGKILL to the postmaster, as an OOM killer or a power cut would leave it.</summary>
    public void Crash()
    {
        if (Postmaster() is { } postmaster) postmaster.Kill();
        _stopped = true;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_stopped && File.Exists(Path.Combine(Data, "postmaster.pid")))
                await AsServerAsync("pg_ctl", "-D", Data, "-m", "immediate", "-w", "-t", "20", "stop");
        }
        catch (Exception)
        {
            Postmaster()?.Kill();
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    Directory.Delete(_root, recursive: true);
                    break;
                }
                catch (IOException) when (attempt < 20)
                {
                    await Task.Delay(250); // backends of a killed postmaster are still leaving
                }
            }
        }
    }

    private Process? Postmaster()
    {
        var file = Path.Combine(Data, "postmaster.pid");
        if (!File.Exists(file) || !int.TryParse(File.ReadLines(file).FirstOrDefault(), out var pid)) return null;
        try
        {
            return Process.GetProcessById(pid);
        }
        catch (ArgumentException)
        {
            return null; // already gone
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private Task AsServerAsync(string tool, params string[] args)
    {
        var path = Path.Combine(_bin, tool);
        // Output goes to a file, never to a pipe: the server pg_ctl leaves running would inherit it.
        var line = string.Join(' ', new[] { path }.Concat(args).Select(Quote)) + $" >>{Quote(Path.Combine(_root, "ctl.log"))} 2>&1";
        return IsRoot
            ? RunAsync("runuser", ["-u", "postgres", "--", "/bin/sh", "-c", line], _root)
            : RunAsync("/bin/sh", ["-c", line], _root);
    }

    private static async Task RunAsync(string file, string[] args, string? logFolder = null)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false, WorkingDirectory = Path.GetTempPath() };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(CommandTimeout);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode == 0) return;
        var log = logFolder is null ? "" : string.Join('\n', new[] { "ctl.log", "server.log" }
            .Select(f => Path.Combine(logFolder, f)).Where(File.Exists).SelectMany(f => File.ReadLines(f).TakeLast(15)));
        throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}\n{log}");
    }

    private static string Quote(string arg) => "'" + arg.Replace("'", "'\\''") + "'";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
