using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace GovReport.Host.Features.Web.Dashboard;

/// <summary>
/// How long each part of one dashboard took on the server, for the `pages` benchmark and for an
/// operator chasing a slow page: sent as a <c>Server-Timing</c> header only when
/// <c>Web:ServerTiming</c> is true (off by default, so no reader learns the database's timings).
/// Parts may run at once, so their sum can exceed the page's time.
/// </summary>
public sealed class DashboardTimings(IConfiguration configuration)
{
    public const string Setting = "Web:ServerTiming";
    private readonly ConcurrentQueue<(string Part, double Ms)> _parts = new();

    public async Task<T> TimeAsync<T>(string part, Func<Task<T>> work)
    {
        var clock = Stopwatch.StartNew();
        try { return await work(); }
        finally { _parts.Enqueue((part, clock.Elapsed.TotalMilliseconds)); }
    }

    /// <summary>The parts as a Server-Timing header value: <c>series;dur=12.3, reporting;dur=40.1</c>.</summary>
    public string Header() => string.Join(", ", _parts.Select(p => $"{p.Part};dur={p.Ms.ToString("0.0", CultureInfo.InvariantCulture)}"));

    /// <summary>Adds the header when the setting asks for it; the page calls this before it renders.</summary>
    public void WriteTo(HttpResponse response)
    {
        if (configuration.GetValue<bool>(Setting) && !_parts.IsEmpty) response.Headers["Server-Timing"] = Header();
    }
}
