using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace GovReport.Benchmarks.Load;

/// <summary>
/// Reads a comparison over and over as a leader's dashboard would, recording when each answer
/// arrived and the <c>actual</c> of its first row: with every submission counting 1, that is how
/// many submissions the async roll-up had projected by then.
/// </summary>
public sealed class RollupPoller : IAsyncDisposable
{
    private readonly List<(double At, int Count)> _seen = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    public static RollupPoller Start(HttpClient http, string token, string path, Stopwatch clock)
    {
        var poller = new RollupPoller();
        poller._loop = poller.LoopAsync(http, token, path, clock);
        return poller;
    }

    public int LatestCount
    {
        get { lock (_seen) return _seen.Count == 0 ? 0 : _seen[^1].Count; }
    }

    public async Task<List<(double At, int Count)>> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        lock (_seen) return [.. _seen];
    }

    private async Task LoopAsync(HttpClient http, string token, string path, Stopwatch clock)
    {
        while (!_stop.IsCancellationRequested)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            try
            {
                using var response = await http.SendAsync(request);
                var at = clock.Elapsed.TotalSeconds;
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
                    var rows = json.RootElement.GetProperty("rows");
                    var actual = rows.GetArrayLength() > 0 && rows[0].GetProperty("actual") is { ValueKind: JsonValueKind.Number } a ? a.GetDecimal() : 0;
                    lock (_seen) _seen.Add((at, (int)actual));
                }
            }
            catch (HttpRequestException) { }
            try { await Task.Delay(10, _stop.Token); } catch (OperationCanceledException) { }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested) await StopAsync();
        _stop.Dispose();
    }
}
