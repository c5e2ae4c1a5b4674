using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovReport.Host.Infrastructure.Http;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace GovReport.Host.Tests.Faults;

/// <summary>
/// PostgreSQL crashes (SIGKILL to the postmaster) under eight concurrent writers and comes back
/// four seconds later. Whatever was acknowledged is in the log once and in the read models,
/// writes during the outage are told 503 with Retry-After (never 500), and a writer that retries
/// with the same Idempotency-Key ends with exactly one event. Runs on a server of its own.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private const string Database = "govreport_fault";
    private const int Writers = 8;
    private const int ReportsPerWriter = 40;
    private const int AcknowledgedBeforeCrash = 60;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(200);
    private const int MaxRequestsPerWriter = 400;
    private static readonly TimeSpan WritersDeadline = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan CatchUpBound = TimeSpan.FromSeconds(20);
    private const string Forest = "forest-planted";

    private sealed class Tally
    {
        public readonly ConcurrentBag<(string Unit, string Month)> Acknowledged = [];
        public readonly ConcurrentBag<(string Unit, string Month)> SettledByRetry = [];
        public readonly ConcurrentBag<string> Unexpected = [];
        public int Unavailable;
        public int UnavailableWithoutRetryAfter;
        public int ServerErrors;
    }

    [Fact]
    public async Task Given_eight_writers_when_postgres_is_killed_and_restarted_then_nothing_acknowledged_is_lost_or_doubled_and_the_outage_answers_503()
    {
        var watch = Stopwatch.StartNew();
        await using var cluster = await ThrowawayCluster.CreateAsync(Database);
        await using var factory = new ClusterHostFactory(cluster.ConnectionString(Database));
        var communes = Enumerable.Range(1, Writers).Select(i => $"xa-thu-{i}").ToArray();
        await SeedAsync(factory.CreateClient([Roles.Admin], []), communes);

        var tally = new Tally();
        var crashDue = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writers = communes.Select((unit, i) => Task.Run(() => WriteAsync(factory.CreateClient([Roles.Reporter], [unit], $"writer-{i}"),
            unit, tally, crashDue))).ToArray();
        await Task.WhenAny(crashDue.Task, Task.WhenAll(writers));
        Assert.True(crashDue.Task.IsCompleted, "the writers finished before the crash was due");
        cluster.Crash();
        var crashedAt = watch.Elapsed;
        await Task.Delay(Outage);
        await cluster.StartAsync();
        var restartedAt = watch.Elapsed;
        await Task.WhenAll(writers);
        var writersDoneAt = watch.Elapsed;

        await using var db = new NpgsqlConnection(cluster.ConnectionString(Database));
        await db.OpenAsync();
        var submitted = await SubmittedEventsAsync(db);
        var statuses = await ReportStatusesAsync(db);
        var acknowledged = tally.Acknowledged.ToHashSet();
        var lost = acknowledged.Where(r => !submitted.ContainsKey(r)).ToList();
        var duplicated = submitted.Where(s => s.Value > 1).Select(s => s.Key).ToList();
        var caughtUpIn = await DaemonCatchUpAsync(db);
        output.WriteLine($"acknowledged / lost / duplicated / 503 count: {acknowledged.Count} / {lost.Count} / {duplicated.Count} / {tally.Unavailable}");
        output.WriteLine($"settled by a retry after a cut-off commit: {tally.SettledByRetry.Count}; submitted events: {submitted.Count}; "
                         + $"crash at {crashedAt.TotalSeconds:0.0} s, restarted at {restartedAt.TotalSeconds:0.0} s, writers done at "
                         + $"{writersDoneAt.TotalSeconds:0.0} s, daemon caught up {caughtUpIn?.TotalSeconds:0.0} s later, total {watch.Elapsed.TotalSeconds:0.0} s");

        Assert.Empty(tally.Unexpected);
        Assert.Equal(0, tally.ServerErrors);
        Assert.True(tally.Unavailable > 0, "no request met the outage");
        Assert.Equal(0, tally.UnavailableWithoutRetryAfter);
        Assert.Empty(lost);
        Assert.Empty(duplicated);
        Assert.Equal(Writers * ReportsPerWriter, acknowledged.Count + tally.SettledByRetry.Count);
        Assert.All(acknowledged.Concat(tally.SettledByRetry), r => Assert.Equal("submitted", statuses.GetValueOrDefault(r)));
        Assert.True(caughtUpIn is not null, $"the projection daemon did not catch up within {CatchUpBound.TotalSeconds} s");
        Assert.Equal(submitted.Count, await OfficialFiguresAsync(db));
    }

    /// <summary>
    /// One writer: its commune's months, one submit each with its own Idempotency-Key, retried
    /// with the same key on 503. A 409 after a 503 means the cut-off attempt had committed.
    /// </summary>
    private static async Task WriteAsync(HttpClient client, string unit, Tally tally, TaskCompletionSource crashDue)
    {
        var requests = 0;
        var deadline = Stopwatch.StartNew();
        for (var i = 0; i < ReportsPerWriter; i++)
        {
            var month = new DateOnly(2020, 1, 1).AddMonths(i).ToString("yyyy-MM");
            var key = $"fault-{unit}-{month}";
            var metOutage = false;
            while (requests++ < MaxRequestsPerWriter && deadline.Elapsed < WritersDeadline)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/units/{unit}/reports/{month}/submit")
                {
                    Content = JsonContent.Create(new { values = new[] { new { indicator = Forest, value = 10m + i } } }),
                };
                request.Headers.Add("Idempotency-Key", key);
                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                if (response.IsSuccessStatusCode)
                {
                    tally.Acknowledged.Add((unit, month));
                    if (tally.Acknowledged.Count >= AcknowledgedBeforeCrash) crashDue.TrySetResult();
                    break;
                }
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    Interlocked.Increment(ref tally.Unavailable);
                    if (response.Headers.RetryAfter?.Delta is null || !body.Contains($"\"{DatabaseOutage.Code}\"", StringComparison.Ordinal))
                        Interlocked.Increment(ref tally.UnavailableWithoutRetryAfter);
                    metOutage = true;
                    await Task.Delay(RetryPause);
                    continue;
                }
                if (response.StatusCode == HttpStatusCode.Conflict && metOutage && body.Contains("\"invalid-transition\"", StringComparison.Ordinal))
                {
                    tally.SettledByRetry.Add((unit, month));
                    break;
                }
                if ((int)response.StatusCode >= 500) Interlocked.Increment(ref tally.ServerErrors);
                tally.Unexpected.Add($"{unit} {month}: {(int)response.StatusCode} {body}");
                break;
            }
        }
    }

    private static async Task SeedAsync(HttpClient admin, IEnumerable<string> communes)
    {
        await PutAsync(admin, "/api/units/tinh-thu", new { name = "Tỉnh Thử", kind = "province" });
        foreach (var commune in communes)
            await PutAsync(admin, $"/api/units/{commune}", new { name = $"Xã {commune}", kind = "commune", parentId = "tinh-thu" });
        await PutAsync(admin, $"/api/indicators/{Forest}", new { name = "Trồng rừng", measure = "ha", aggregation = "sum", direction = "higher-is-better" });
        await PutAsync(admin, "/api/indicators/poverty-rate", new { name = "Tỷ lệ hộ nghèo", measure = "%", aggregation = "last", direction = "lower-is-better" });
    }

    private static async Task PutAsync(HttpClient client, string path, object body)
    {
        var response = await client.PutAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<Dictionary<(string, string), int>> SubmittedEventsAsync(NpgsqlConnection db)
    {
        await using var command = new NpgsqlCommand(
            "SELECT stream_id, count(*) FROM es.events WHERE event_type = 'report_submitted' GROUP BY stream_id", db);
        await using var reader = await command.ExecuteReaderAsync();
        var submitted = new Dictionary<(string, string), int>();
        while (await reader.ReadAsync())
        {
            // report-{unit}-{yyyy-MM}: the unit is everything before the month.
            var stream = reader.GetString(0);
            submitted[(stream["report-".Length..^8], stream[^7..])] = (int)reader.GetInt64(1);
        }
        return submitted;
    }

    private static async Task<Dictionary<(string, string), string>> ReportStatusesAsync(NpgsqlConnection db)
    {
        await using var command = new NpgsqlCommand("SELECT unit_id, month, status FROM rm.reports", db);
        await using var reader = await command.ExecuteReaderAsync();
        var statuses = new Dictionary<(string, string), string>();
        while (await reader.ReadAsync()) statuses[(reader.GetString(0), reader.GetString(1))] = reader.GetString(2);
        return statuses;
    }

    private static async Task<long> OfficialFiguresAsync(NpgsqlConnection db)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM rm.official_figures WHERE valid_to IS NULL", db);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>How long the daemon took, from now, to move its checkpoint past the last event; null if not within the bound.</summary>
    private static async Task<TimeSpan?> DaemonCatchUpAsync(NpgsqlConnection db)
    {
        var watch = Stopwatch.StartNew();
        await using var command = new NpgsqlCommand("""
            SELECT NOT EXISTS (SELECT 1 FROM es.events e WHERE (e.tx_id, e.seq) > (SELECT s.tx_id, s.seq FROM es.subscriptions s WHERE s.name = 'figures'))
                   AND EXISTS (SELECT 1 FROM es.subscriptions WHERE name = 'figures')
            """, db);
        while (watch.Elapsed < CatchUpBound)
        {
            if ((bool)(await command.ExecuteScalarAsync())!) return watch.Elapsed;
            await Task.Delay(200);
        }
        return null;
    }

    /// <summary>The real host against the throwaway cluster instead of a database on the shared server.</summary>
    private sealed class ClusterHostFactory(string connectionString) : GovReportFactory
    {
        protected override string ConnectionString => connectionString;

        // The outage logs a warning per refused request; the test's own tally says what matters.
        protected override void ConfigureSettings(IDictionary<string, string?> settings) =>
            settings["Logging:LogLevel:Default"] = "Error";
    }
}
