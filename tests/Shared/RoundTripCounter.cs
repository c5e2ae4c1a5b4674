using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace GovReport.Testing;

/// <summary>
/// A pass-through TCP proxy in front of PostgreSQL that counts round trips: each time the client
/// speaks again after the server has answered is one. Timings on a shared machine are noise; the
/// number of times a command waits for the database is not.
/// </summary>
public sealed class RoundTripCounter : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _pumps = [];
    private int _turns;

    public RoundTripCounter(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        (_targetHost, _targetPort) = (target.Host ?? "127.0.0.1", target.Port);
        _listener.Start();
        var through = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Host = "127.0.0.1", Port = ((IPEndPoint)_listener.LocalEndpoint).Port, MaxPoolSize = 1,
        };
        ConnectionString = through.ConnectionString;
        _pumps.Add(AcceptAsync());
    }

    /// <summary>Connects through the proxy, one pooled connection so a warm-up opens it once.</summary>
    public string ConnectionString { get; }

    public int RoundTrips => Volatile.Read(ref _turns);

    public void Reset() => Interlocked.Exchange(ref _turns, 0);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            var server = new TcpClient();
            await server.ConnectAsync(_targetHost, _targetPort);
            // 0: nobody spoke yet or the server spoke last; 1: the client spoke last.
            var clientSpokeLast = new StrongBox<int>(0);
            lock (_pumps)
            {
                _pumps.Add(PumpAsync(client.GetStream(), server.GetStream(), fromClient: true, clientSpokeLast));
                _pumps.Add(PumpAsync(server.GetStream(), client.GetStream(), fromClient: false, clientSpokeLast));
            }
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, bool fromClient, StrongBox<int> clientSpokeLast)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReadAsync(buffer, _stop.Token);
                if (read == 0) break;
                if (fromClient && Interlocked.Exchange(ref clientSpokeLast.Value, 1) == 0) Interlocked.Increment(ref _turns);
                if (!fromClient) Interlocked.Exchange(ref clientSpokeLast.Value, 0);
                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException) { }
        finally
        {
            from.Close();
            to.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Task[] pumps;
        lock (_pumps) pumps = [.. _pumps];
        await Task.WhenAll(pumps.Select(p => p.ContinueWith(_ => { }, TaskScheduler.Default)));
        _stop.Dispose();
    }

    private sealed class StrongBox<T>(T value) where T : struct
    {
        public T Value = value;
    }
}
