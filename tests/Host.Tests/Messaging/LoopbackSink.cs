using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GovReport.Host.Tests.Messaging;

/// <summary>
/// A Kestrel server on 127.0.0.1 (a free port) standing in for DHIS2 and the webhook receiver:
/// it records what it accepted, and refuses with 503 while <see cref="Refusing"/> is set or for
/// the next <see cref="RefuseNext"/> requests.
/// </summary>
public sealed class LoopbackSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _refuseNext;

    public sealed record Received(string Path, string Body, string? Authorization);

    public ConcurrentQueue<Received> Accepted { get; } = new();
    public ConcurrentQueue<Received> Refused { get; } = new();
    public volatile bool Refusing;

    public int RefuseNext { set => Interlocked.Exchange(ref _refuseNext, value); }

    public string BaseUrl { get; private set; } = "";

    private LoopbackSink()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Run(async http =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var received = new Received(http.Request.Path, await reader.ReadToEndAsync(), http.Request.Headers.Authorization.ToString());
            if (Refusing || Interlocked.Decrement(ref _refuseNext) >= 0)
            {
                Refused.Enqueue(received);
                http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }
            Accepted.Enqueue(received);
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync("""{"status":"SUCCESS","importCount":{"imported":1}}""");
        });
    }

    public static async Task<LoopbackSink> StartAsync()
    {
        var sink = new LoopbackSink();
        await sink._app.StartAsync();
        sink.BaseUrl = sink._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return sink;
    }

    public List<Received> AcceptedAt(string path) => Accepted.Where(r => r.Path == path).ToList();

    /// <summary>Polls (bounded) until the condition holds; the assertion that follows says what was expected.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, int seconds = 90)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < until && !await condition()) await Task.Delay(100);
    }

    public static Task EventuallyAsync(Func<bool> condition, int seconds = 90) => EventuallyAsync(() => Task.FromResult(condition()), seconds);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
