using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GovReport.Benchmarks.EventStore;
using GovReport.Benchmarks.Reporting;

namespace GovReport.Benchmarks.Load;

/// <summary>
/// The deadline-day burst through HTTP: every commune of a province submits its month with its
/// own reporter token, against the host as `ops/run` starts it, with the client on the same
/// machine. Measures submits/s, latency percentiles, errors, and projection lag: how long after a
/// submission was acknowledged the province's roll-up (an async projection) first counted it.
/// Goal on a 2-core machine: ≥ 300 submits/s, p99 &lt; 250 ms, lag p99 &lt; 1 s, no errors.
/// </summary>
public static class LoadSuite
{
    private const string Province = "tinh-tai";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = LoadOptions.Parse(args, out var error);
        if (options is null)
        {
            Console.Error.WriteLine(error);
            return 2;
        }
        var startedAt = DateTimeOffset.Now;
        var root = ResultReport.RepositoryRoot();
        var db = await BenchDatabase.CreateAsync(options.ConnectionString);
        Console.WriteLine($"load benchmark: {options.Communes:N0} communes of one province, {options.Indicators} indicators, {options.Figures} figures a report, " +
                          $"concurrency {string.Join(", ", options.Concurrency)}, database {db.Name}");
        try
        {
            await using var host = await HostProcess.StartAsync(root, ConnectionStringOf(options.ConnectionString, db.Name));
            var tokens = DevelopmentTokens.FromHostSettings(root);
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512 }) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            var admin = tokens.Create("bench-admin", "admin");
            var communes = await RegisterAsync(http, admin, options);
            var reporterTokens = communes.ToDictionary(c => c, c => tokens.Create($"clerk-{c}", "reporter", c));

            // Warm the host's JIT and pools on a month of its own before anything is timed.
            var warmUp = reporterTokens.Take(Math.Min(100, reporterTokens.Count)).ToDictionary();
            Console.WriteLine((await BurstAsync(http, admin, warmUp, options, 8, "2025-12", host)).Describe() + " (warm-up, not counted)");

            var results = new List<BenchResult>();
            var bursts = new List<object>();
            // Each level runs several bursts (a burst lasts seconds, and the machine's speed wanders)
            // and reports its median burst by throughput.
            for (var level = 0; level < options.Concurrency.Count; level++)
            {
                var rounds = new List<Burst>();
                for (var round = 0; round < options.Rounds; round++)
                {
                    // A fresh month for each burst, in the past so that nobody files for the future.
                    var month = new DateOnly(2026, 1, 1).AddMonths(level * options.Rounds + round).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
                    var burst = await BurstAsync(http, admin, reporterTokens, options, options.Concurrency[level], month, host);
                    Console.WriteLine(burst.Describe());
                    rounds.Add(burst);
                    bursts.Add(burst.Summary());
                }
                var median = rounds.OrderBy(b => b.PerSecond).ElementAt(rounds.Count / 2).Result();
                results.Add(median with
                {
                    Name = $"submit burst at {options.Concurrency[level]} at once, median of {rounds.Count}",
                    Note = $"{median.Note}; rounds: {string.Join(", ", rounds.Select(b => $"{b.PerSecond:F0}/s"))}",
                });
            }
            Console.WriteLine();
            Console.WriteLine(ResultReport.Table(results));
            var path = await ResultReport.SaveAsync("load", startedAt, new { Suite = "load", StartedAt = startedAt, Database = db.Name, Options = new { options.Communes, options.Indicators, options.Figures, options.Concurrency }, Bursts = bursts });
            Console.WriteLine($"Results written to {path}");
            return 0;
        }
        finally
        {
            if (options.Keep) Console.WriteLine($"Kept database {db.Name}.");
            else await db.DropAsync();
        }
    }

    private static string ConnectionStringOf(string admin, string database) =>
        new Npgsql.NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;

    private static string Indicator(int i) => $"load-{i + 1:000}";

    private static async Task<List<string>> RegisterAsync(HttpClient http, string admin, LoadOptions options)
    {
        Console.Write("  registering the province, its communes and indicators ... ");
        var clock = Stopwatch.StartNew();
        await SendAsync(http, HttpMethod.Put, $"/api/units/{Province}", admin, new { name = "Tỉnh Tải", kind = "province" });
        // A national catalogue (about a hundred indicators), of which a commune reports a handful.
        for (var i = 0; i < options.Indicators; i++)
            await SendAsync(http, HttpMethod.Put, $"/api/indicators/{Indicator(i)}", admin,
                new { name = $"Chỉ tiêu tải {i + 1}", measure = "lượt", aggregation = "sum", direction = "higher-is-better" });
        var communes = Enumerable.Range(1, options.Communes).Select(c => $"xa-tai-{c:0000}").ToList();
        await Parallel.ForEachAsync(communes, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (c, _) =>
            await SendAsync(http, HttpMethod.Put, $"/api/units/{c}", admin, new { name = $"Xã Tải {c[^4..]}", kind = "commune", parentId = Province }));
        Console.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s");
        return communes;
    }

    private static async Task SendAsync(HttpClient http, HttpMethod method, string path, string token, object body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<Burst> BurstAsync(
        HttpClient http, string admin, Dictionary<string, string> tokens, LoadOptions options, int concurrency, string month, HostProcess host)
    {
        Console.Write($"  burst of {tokens.Count:N0} submits for {month} at {concurrency} at once ... ");
        var queue = new ConcurrentQueue<string>(tokens.Keys);
        var acknowledged = new ConcurrentBag<double>(); // seconds since the burst began
        var latencies = new ConcurrentBag<double>();
        var errors = new ConcurrentDictionary<string, int>();
        var hostCpu = host.CpuTime;
        var cpu = new CpuClock();
        var clock = Stopwatch.StartNew();
        await using var rollup = RollupPoller.Start(http, admin, $"/api/units/{Province}/performance?period={month}&view=month&indicator={Indicator(0)}", clock);

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (queue.TryDequeue(out var commune))
            {
                // Every commune counts 1 on the first indicator, so the province's roll-up counts submissions.
                var values = Enumerable.Range(0, options.Figures).Select(i => new { indicator = Indicator(i), value = i == 0 ? 1m : 10m + i });
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/units/{commune}/reports/{month}/submit")
                {
                    Content = JsonContent.Create(new { values, narrative = new { results = "Hoàn thành kế hoạch tháng." } }),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[commune]);
                request.Headers.Add("Idempotency-Key", $"{commune}-{month}");
                var started = clock.Elapsed.TotalMilliseconds;
                try
                {
                    using var response = await http.SendAsync(request);
                    var done = clock.Elapsed.TotalMilliseconds;
                    latencies.Add(done - started);
                    if (response.IsSuccessStatusCode) acknowledged.Add(done / 1000);
                    else errors.AddOrUpdate(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
                }
                catch (HttpRequestException e)
                {
                    errors.AddOrUpdate(e.GetType().Name, 1, (_, n) => n + 1);
                }
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        var machineCpu = cpu.Describe();
        var hostSeconds = (host.CpuTime - hostCpu).TotalSeconds;

        // Wait (bounded) for the roll-up to count every acknowledged submission.
        var waitUntil = clock.Elapsed + TimeSpan.FromSeconds(30);
        while (rollup.LatestCount < acknowledged.Count && clock.Elapsed < waitUntil) await Task.Delay(20);
        var observations = await rollup.StopAsync();
        return new Burst(concurrency, month, tokens.Count, seconds, [.. latencies], [.. acknowledged.Order()], observations,
            new Dictionary<string, int>(errors), machineCpu, hostSeconds);
    }

    private sealed record Burst(
        int Concurrency, string Month, int Sent, double Seconds, double[] LatencyMs, double[] AcknowledgedAt,
        List<(double At, int Count)> Seen, Dictionary<string, int> Errors, string MachineCpu, double HostCpuSeconds)
    {
        private static double Percentile(double[] values, double p) => Latencies.Percentile(values, p);

        public double PerSecond => AcknowledgedAt.Length / Seconds;

        /// <summary>The k-th acknowledgement is visible from the first poll answer that counts k or more.</summary>
        private double[] LagMs => _lagMs ??= AcknowledgedAt.Select((ack, k) =>
        {
            var seen = Seen.FirstOrDefault(s => s.Count >= k + 1);
            return seen == default ? double.PositiveInfinity : Math.Max(0, seen.At - ack) * 1000;
        }).ToArray();

        private double[]? _lagMs;

        private int ErrorCount => Errors.Values.Sum();

        public string Describe()
        {
            var lag = LagMs;
            return $"{Seconds:F1} s, {PerSecond:F0} submits/s, p50/p95/p99 {Percentile(LatencyMs, 50):F0}/{Percentile(LatencyMs, 95):F0}/{Percentile(LatencyMs, 99):F0} ms, " +
                   $"lag p50/p99 {Percentile(lag, 50):F0}/{Percentile(lag, 99):F0} ms, errors {ErrorCount}" +
                   (ErrorCount > 0 ? $" ({string.Join(", ", Errors.Select(e => $"{e.Key}: {e.Value}"))})" : "") +
                   $"; {MachineCpu}, host {HostCpuSeconds:F1} s";
        }

        public BenchResult Result() => new($"submit burst at {Concurrency} at once", "submits", AcknowledgedAt.Length, Seconds)
        {
            P50Ms = Percentile(LatencyMs, 50),
            P95Ms = Percentile(LatencyMs, 95),
            Note = $"p99 {Percentile(LatencyMs, 99):F0} ms; projection lag p50 {Percentile(LagMs, 50):F0} ms, p99 {Percentile(LagMs, 99):F0} ms; " +
                   $"errors {ErrorCount}; lost {Sent - AcknowledgedAt.Length - ErrorCount}; goal ≥ 300 submits/s, p99 < 250 ms, lag p99 < 1 s",
        };

        public object Summary() => new
        {
            Concurrency, Month, Sent, Acknowledged = AcknowledgedAt.Length, Seconds, SubmitsPerSecond = PerSecond,
            LatencyMs = new { P50 = Percentile(LatencyMs, 50), P95 = Percentile(LatencyMs, 95), P99 = Percentile(LatencyMs, 99) },
            LagMs = new { P50 = Percentile(LagMs, 50), P95 = Percentile(LagMs, 95), P99 = Percentile(LagMs, 99) },
            Errors, MachineCpu, HostCpuSeconds,
        };
    }
}
