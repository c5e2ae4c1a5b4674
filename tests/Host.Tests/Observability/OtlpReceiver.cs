using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GovReport.Host.Tests.Observability;

/// <summary>
/// A stand-in collector on loopback: accepts OTLP/HTTP protobuf posts and keeps their bodies by
/// path. An HttpListener rather than Kestrel, so the receiver makes no ASP.NET Core telemetry of
/// its own for the host under test to export back to it.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<byte[]>> _bodies = new();
    private readonly Task _loop;
    private int _disposed;

    private OtlpReceiver(HttpListener listener, Uri endpoint)
    {
        (_listener, Endpoint) = (listener, endpoint);
        _loop = Task.Run(AcceptAsync);
    }

    /// <summary>The base URL to give as OTEL_EXPORTER_OTLP_ENDPOINT; the exporter adds /v1/{signal}.</summary>
    public Uri Endpoint { get; }

    public static OtlpReceiver Start()
    {
        // A port the OS just handed out may be taken again before the listener binds it: try a few.
        for (var attempt = 0; ; attempt++)
        {
            var endpoint = new Uri($"http://127.0.0.1:{FreePort()}/");
            var listener = new HttpListener();
            listener.Prefixes.Add(endpoint.ToString());
            try
            {
                listener.Start();
                return new OtlpReceiver(listener, endpoint);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    /// <summary>Waits until the bodies posted to <paramref name="path"/> together contain every one of <paramref name="names"/>.</summary>
    public async Task<string[]> WaitForAsync(string path, IReadOnlyCollection<string> names, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var missing = Missing(path, names);
            if (missing.Length == 0 || deadline.IsCancellationRequested) return missing;
            try { await Task.Delay(100, deadline.Token); }
            catch (OperationCanceledException) { }
        }
    }

    public int Count(string path) => _bodies.TryGetValue(path, out var bodies) ? bodies.Count : 0;

    private string[] Missing(string path, IEnumerable<string> names)
    {
        var bodies = _bodies.TryGetValue(path, out var queue) ? queue.ToArray() : [];
        return names.Where(name =>
        {
            var needle = Encoding.UTF8.GetBytes(name);
            return !bodies.Any(body => body.AsSpan().IndexOf(needle) >= 0);
        }).ToArray();
    }

    private async Task AcceptAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            _bodies.GetOrAdd(context.Request.Url!.AbsolutePath, _ => new()).Enqueue(body.ToArray());
            // An empty Export*ServiceResponse is a full success in OTLP.
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        // The factory disposes through both Dispose and DisposeAsync.
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
