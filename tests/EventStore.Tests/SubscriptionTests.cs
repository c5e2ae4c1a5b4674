using System.Collections.Concurrent;

namespace GovReport.EventStore.Tests;

public sealed class SubscriptionTests(StoreFixture fx) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task The_subscriber_never_passes_a_transaction_that_is_still_open_and_then_delivers_everything_once()
    {
        var subscriber = new Recorder(fx, "no-skip");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var inserted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slowStream = StoreFixture.NewStream("slow");
        // The slow append takes its sequence numbers first and commits last: the case a
        // sequence-only reader gets wrong.
        var slow = fx.Store.AppendAsync(slowStream, ExpectedVersion.NoStream, [StoreFixture.Event(n: 1), StoreFixture.Event(n: 2)],
            async (_, _, _, _, _) => { inserted.SetResult(); await gate.Task; });
        await inserted.Task;

        var fastStreams = Enumerable.Range(0, 5).Select(_ => StoreFixture.NewStream("fast")).ToList();
        foreach (var s in fastStreams) await fx.Store.AppendAsync(s, ExpectedVersion.NoStream, [StoreFixture.Event()]);
        bool Mine(RecordedEvent e) => e.StreamId == slowStream || fastStreams.Contains(e.StreamId);

        await subscriber.Subscription.CatchUpAsync();
        Assert.DoesNotContain(subscriber.Seen, Mine);
        var reader = new EventSubscription(fx.DataSource);
        var lag = await reader.LagAsync(await reader.LoadCheckpointAsync("no-skip"));
        Assert.True(lag.HeldBack >= 5, $"the five committed appends wait behind the open one (held back: {lag.HeldBack})");

        gate.SetResult();
        await slow;
        // Another test's open transaction in this class's database may hold the barrier a moment longer.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (subscriber.Seen.Count(Mine) < 7 && DateTime.UtcNow < deadline)
        {
            await subscriber.Subscription.CatchUpAsync();
            await Task.Delay(10);
        }

        var mine = subscriber.Seen.Where(Mine).ToList();
        Assert.Equal(7, mine.Count);
        Assert.Equal(7, mine.Select(e => e.EventId).Distinct().Count());
        Assert.Equal([slowStream, slowStream], mine.Take(2).Select(e => e.StreamId));
        Assert.Equal(subscriber.Seen.Select(e => e.Position).Order(), subscriber.Seen.Select(e => e.Position));
    }

    [Fact]
    public async Task A_transaction_left_open_in_another_database_of_the_server_holds_no_reader_back()
    {
        var subscriber = new Recorder(fx, "neighbour");
        await subscriber.Subscription.CatchUpAsync();
        // A neighbour on the same server (another service, another test class) holds a transaction
        // id open for as long as it likes: it can never add events to this database's log.
        await using var neighbour = new Npgsql.NpgsqlConnection(GovReport.Testing.TestDatabase.AdminConnectionString);
        await neighbour.OpenAsync();
        Assert.NotEqual(new Npgsql.NpgsqlConnectionStringBuilder(fx.DataSource.ConnectionString).Database, neighbour.Database);
        await using var open = await neighbour.BeginTransactionAsync();
        await using (var takeId = new Npgsql.NpgsqlCommand("SELECT pg_current_xact_id()", neighbour, open))
            await takeId.ExecuteScalarAsync();
        var stream = StoreFixture.NewStream("beside-neighbour");

        await fx.Store.AppendAsync(stream, ExpectedVersion.NoStream, [StoreFixture.Event()]);
        await subscriber.Subscription.CatchUpAsync();

        Assert.Contains(subscriber.Seen, e => e.StreamId == stream);
        var reader = new EventSubscription(fx.DataSource);
        Assert.Equal(0, (await reader.LagAsync(await reader.LoadCheckpointAsync("neighbour"))).HeldBack);
        Assert.False(await Audit.EventLogQuery.AnyHeldBackAsync(fx.DataSource));
    }

    [Fact]
    public async Task Concurrent_writers_with_delayed_commits_and_rollbacks_are_each_seen_exactly_once()
    {
        var subscriber = new Recorder(fx, "stress");
        await using var notifications = new EventNotifications(fx.DataSource);
        notifications.Start();
        using var stop = new CancellationTokenSource();
        var running = subscriber.Subscription.RunAsync(notifications, TimeSpan.FromMilliseconds(200), stop.Token);

        var committed = new ConcurrentBag<Guid>();
        var rolledBack = new ConcurrentBag<Guid>();
        var writers = Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            for (var i = 0; i < 40; i++)
            {
                var ids = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Guid.NewGuid()).ToList();
                var events = ids.Select(id => StoreFixture.Event(n: i) with { EventId = id }).ToList();
                var delay = random.Next(0, 25);
                var fail = random.Next(10) == 0;
                try
                {
                    await fx.Store.AppendAsync(StoreFixture.NewStream($"w{w}"), ExpectedVersion.NoStream, events, async (_, _, _, _, ct) =>
                    {
                        await Task.Delay(delay, ct);
                        if (fail) throw new TimeoutException("simulated failure before commit");
                    });
                    foreach (var id in ids) committed.Add(id);
                }
                catch (TimeoutException)
                {
                    foreach (var id in ids) rolledBack.Add(id);
                }
            }
        })).ToList();
        await Task.WhenAll(writers);

        var expected = committed.ToHashSet();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!expected.IsSubsetOf(subscriber.Seen.Select(e => e.EventId)) && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        await stop.CancelAsync();
        await running.ContinueWith(_ => { });

        var seen = subscriber.Seen.Select(e => e.EventId).ToList();
        var dups = subscriber.Seen.GroupBy(e => e.EventId).Where(g => g.Count() > 1).Select(g => g.First().Position).ToList();
        if (dups.Count > 0) Console.WriteLine("DUPS " + string.Join(" ", dups) + " ALL " + string.Join(" ", subscriber.Seen.Select(e => e.Position)));
        Assert.Empty(expected.Except(seen));
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Empty(rolledBack.Intersect(seen));
        Assert.Equal(subscriber.Seen.Select(e => e.Position).Order(), subscriber.Seen.Select(e => e.Position));
        Assert.NotEmpty(rolledBack);
    }

    [Fact]
    public async Task A_notification_wakes_a_waiting_subscriber_long_before_its_poll_interval()
    {
        var subscriber = new Recorder(fx, "wake");
        await subscriber.Subscription.CatchUpAsync();
        await using var notifications = new EventNotifications(fx.DataSource);
        notifications.Start();
        while (!notifications.Listening) await Task.Delay(10);
        using var stop = new CancellationTokenSource();
        // An event already waiting: once the subscriber has delivered it, its first pass is over and
        // it can only see the next one through a notification (or its ten-minute poll).
        var first = StoreFixture.NewStream("before-sleep");
        await fx.Store.AppendAsync(first, ExpectedVersion.NoStream, [StoreFixture.Event()]);
        var running = subscriber.Subscription.RunAsync(notifications, TimeSpan.FromMinutes(10), stop.Token);
        var firstPass = DateTime.UtcNow.AddSeconds(60);
        while (!subscriber.Seen.Any(e => e.StreamId == first) && DateTime.UtcNow < firstPass) await Task.Delay(20);
        Assert.Contains(subscriber.Seen, e => e.StreamId == first);

        var stream = StoreFixture.NewStream("wake");
        await fx.Store.AppendAsync(stream, ExpectedVersion.NoStream, [StoreFixture.Event()]);

        // Generous: a loaded machine can take its time to deliver a notification.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!subscriber.Seen.Any(e => e.StreamId == stream) && DateTime.UtcNow < deadline) await Task.Delay(20);
        await stop.CancelAsync();
        await running.ContinueWith(_ => { });
        Assert.Contains(subscriber.Seen, e => e.StreamId == stream);
    }

    [Fact]
    public async Task Two_workers_on_one_subscription_never_commit_an_event_twice()
    {
        await fx.ExecuteAsync("CREATE TABLE IF NOT EXISTS delivered (event_id uuid NOT NULL)");
        for (var i = 0; i < 30; i++)
            await fx.Store.AppendAsync(StoreFixture.NewStream("twice"), ExpectedVersion.NoStream, [StoreFixture.Event(n: i)]);
        CatchUpSubscription Worker() => new(fx.DataSource, "shared-worker", async (connection, transaction, page, ct) =>
        {
            await Task.Delay(5, ct);
            // What a projection does: write in the transaction that moves the checkpoint. Only
            // committed pages leave rows; a page committed twice would leave two.
            await using var command = new Npgsql.NpgsqlCommand(
                "INSERT INTO delivered (event_id) SELECT unnest(@ids)", connection, transaction);
            command.Parameters.AddWithValue("ids", page.Select(e => e.EventId).ToArray());
            await command.ExecuteNonQueryAsync(ct);
        }, pageSize: 3);

        // Everything in the table, read without the barrier: what the workers must end up delivering.
        var all = new List<SubscriptionPosition>();
        await using (var everything = fx.DataSource.CreateCommand("SELECT tx_id::text, seq FROM es.events ORDER BY tx_id, seq"))
        await using (var rows = await everything.ExecuteReaderAsync())
            while (await rows.ReadAsync()) all.Add(new SubscriptionPosition(ulong.Parse(rows.GetString(0)), rows.GetInt64(1)));
        var reader = new EventSubscription(fx.DataSource);
        // Go round until done: three workers racing may each stop short of the end.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do await Task.WhenAll(Worker().CatchUpAsync(), Worker().CatchUpAsync(), Worker().CatchUpAsync());
        while (await reader.LoadCheckpointAsync("shared-worker") != all[^1] && DateTime.UtcNow < deadline);

        await using var count = fx.DataSource.CreateCommand("SELECT count(*), count(DISTINCT event_id) FROM delivered");
        await using var counted = await count.ExecuteReaderAsync();
        await counted.ReadAsync();
        Assert.Equal((all.Count, all.Count), (counted.GetInt64(0), counted.GetInt64(1)));
        Assert.Equal(all[^1], await reader.LoadCheckpointAsync("shared-worker"));
    }

    /// <summary>A single subscriber that remembers what it was handed, in order.</summary>
    private sealed class Recorder
    {
        private readonly ConcurrentQueue<RecordedEvent> _seen = new();

        public Recorder(StoreFixture fx, string name) =>
            Subscription = new CatchUpSubscription(fx.DataSource, name, (_, _, page, _) =>
            {
                foreach (var e in page) _seen.Enqueue(e);
                return Task.CompletedTask;
            }, pageSize: 7);

        public CatchUpSubscription Subscription { get; }

        public List<RecordedEvent> Seen => [.. _seen];

        public void Clear() => _seen.Clear();
    }
}

public sealed class SubscriptionOrderTests
{
    [Fact]
    public async Task Pages_follow_numeric_transaction_order_across_a_digit_boundary()
    {
        // Transaction ids 9 and 10 sort the other way round as text: a page ordered by the
        // text would put 10 first and its checkpoint would skip 9 for good.
        var fx = new StoreFixture();
        await fx.InitializeAsync();
        try
        {
            foreach (var (tx, stream) in new[] { (10, "ten"), (9, "nine") })
                await fx.ExecuteAsync($$"""
                    INSERT INTO es.events (tx_id, stream_id, version, event_type, data, metadata, recorded_at, event_id, prev_hash, hash)
                    VALUES ('{{tx}}'::xid8, '{{stream}}', 1, 't', '{}', '{"actor":"a","source":"s"}', now(), gen_random_uuid(), '\x00', '\x00')
                    """);
            var reader = new EventSubscription(fx.DataSource);

            var first = await reader.ReadPageAsync(SubscriptionPosition.Start, 1);
            var second = await reader.ReadPageAsync(first[0].Position, 1);

            Assert.Equal(("nine", 9UL), (first[0].StreamId, first[0].TransactionId));
            Assert.Equal(("ten", 10UL), (second[0].StreamId, second[0].TransactionId));
        }
        finally
        {
            await fx.DisposeAsync();
        }
    }
}
