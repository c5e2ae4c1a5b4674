namespace GovReport.EventStore.Tests;

public sealed class AppendAndReadTests(StoreFixture fx) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task Appended_events_read_back_whole_in_version_order_with_their_metadata()
    {
        var stream = StoreFixture.NewStream();
        var result = await fx.Store.AppendAsync(stream, ExpectedVersion.NoStream, [StoreFixture.Event(n: 1), StoreFixture.Event(n: 2)]);
        await fx.Store.AppendAsync(stream, ExpectedVersion.Exactly(2), [StoreFixture.Event(n: 3)]);

        var events = await fx.Store.ReadStreamAsync(stream);

        Assert.Equal(2, result.NextVersion);
        Assert.Equal([1L, 2L, 3L], events.Select(e => e.Version));
        Assert.All(events, e => Assert.Equal("tester", e.Metadata.Actor));
        Assert.All(events, e => Assert.Equal("because", e.Metadata.Reason));
        Assert.Contains("175.158", events[0].Data);
        Assert.Equal(3, await fx.Store.StreamVersionAsync(stream));
    }

    [Fact]
    public async Task Reading_up_to_a_version_stops_there()
    {
        var stream = StoreFixture.NewStream();
        await fx.Store.AppendAsync(stream, ExpectedVersion.NoStream, [StoreFixture.Event(n: 1), StoreFixture.Event(n: 2), StoreFixture.Event(n: 3)]);

        var events = await fx.Store.ReadStreamAsync(stream, toVersion: 2);

        Assert.Equal([1L, 2L], events.Select(e => e.Version));
    }

    [Fact]
    public async Task Reading_as_of_an_instant_sees_only_what_was_recorded_by_then()
    {
        var stream = StoreFixture.NewStream();
        await fx.Store.AppendAsync(stream, ExpectedVersion.NoStream, [StoreFixture.Event(n: 1)]);
        var between = fx.Clock.GetUtcNow().AddMinutes(30);
        fx.Clock.Advance(TimeSpan.FromHours(1));
        await fx.Store.AppendAsync(stream, ExpectedVersion.Exactly(1), [StoreFixture.Event(n: 2)]);

        var then = await fx.Store.ReadStreamAsync(stream, asOf: between);
        var now = await fx.Store.ReadStreamAsync(stream);

        Assert.Single(then);
        Assert.Equal(2, now.Count);
        Assert.True(now[1].RecordedAt > between);
    }

    [Fact]
    public async Task A_stale_expected_version_is_refused_and_stores_nothing()
    {
        var stream = StoreFixture.NewStream();
        await fx.Store.AppendAsync(stream, ExpectedVersion.NoStream, [StoreFixture.Event(n: 1), StoreFixture.Event(n: 2)]);

        var error = await Assert.ThrowsAsync<WrongExpectedVersionException>(
            () => fx.Store.AppendAsync(stream, ExpectedVersion.Exactly(1), [StoreFixture.Event(n: 3)]));

        Assert.Equal(2, error.Actual);
        Assert.Equal(2, (await fx.Store.ReadStreamAsync(stream)).Count);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(10)]
    public async Task An_expected_version_ahead_of_the_stream_is_refused_and_stores_nothing(long ahead)
    {
        var stream = StoreFixture.NewStream();
        await fx.Store.AppendAsync(stream, ExpectedVersion.NoStream, [StoreFixture.Event(n: 1), StoreFixture.Event(n: 2)]);

        var error = await Assert.ThrowsAsync<WrongExpectedVersionException>(
            () => fx.Store.AppendAsync(stream, ExpectedVersion.Exactly(ahead), [StoreFixture.Event(n: 3)]));

        Assert.Equal(2, error.Actual);
        Assert.Equal([1L, 2L], (await fx.Store.ReadStreamAsync(stream)).Select(e => e.Version));
    }

    [Fact]
    public async Task An_expected_version_on_a_stream_that_does_not_exist_yet_is_refused()
    {
        var stream = StoreFixture.NewStream();

        await Assert.ThrowsAsync<WrongExpectedVersionException>(
            () => fx.Store.AppendAsync(stream, ExpectedVersion.Exactly(1), [StoreFixture.Event(n: 2)]));

        Assert.Empty(await fx.Store.ReadStreamAsync(stream));
    }

    [Fact]
    public async Task Any_appends_to_a_new_stream_and_to_one_at_whatever_version_it_holds()
    {
        var stream = StoreFixture.NewStream();
        await fx.Store.AppendAsync(stream, ExpectedVersion.Any, [StoreFixture.Event(n: 1)]);
        await fx.Store.AppendAsync(stream, ExpectedVersion.Any, [StoreFixture.Event(n: 2), StoreFixture.Event(n: 3)]);
        await fx.Store.AppendAsync(stream, ExpectedVersion.Any, [StoreFixture.Event(n: 4)]);

        Assert.Equal([1L, 2L, 3L, 4L], (await fx.Store.ReadStreamAsync(stream)).Select(e => e.Version));
    }

    [Fact]
    public async Task Creating_an_existing_stream_is_a_concurrency_error()
    {
        var stream = StoreFixture.NewStream();
        await fx.Store.AppendAsync(stream, ExpectedVersion.NoStream, [StoreFixture.Event()]);

        await Assert.ThrowsAsync<WrongExpectedVersionException>(
            () => fx.Store.AppendAsync(stream, ExpectedVersion.NoStream, [StoreFixture.Event()]));
    }

    [Fact]
    public async Task Concurrent_appends_with_the_same_expected_version_have_exactly_one_winner()
    {
        var stream = StoreFixture.NewStream();
        await fx.Store.AppendAsync(stream, ExpectedVersion.NoStream, [StoreFixture.Event()]);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
        {
            try { await fx.Store.AppendAsync(stream, ExpectedVersion.Exactly(1), [StoreFixture.Event(n: i)]); return true; }
            catch (WrongExpectedVersionException) { return false; }
        })));

        Assert.Equal(1, outcomes.Count(won => won));
        Assert.Equal([1L, 2L], (await fx.Store.ReadStreamAsync(stream)).Select(e => e.Version));
    }

    [Fact]
    public async Task Concurrent_creations_of_one_stream_have_exactly_one_winner_and_no_gap()
    {
        var stream = StoreFixture.NewStream();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
        {
            try { await fx.Store.AppendAsync(stream, ExpectedVersion.NoStream, [StoreFixture.Event(n: i), StoreFixture.Event(n: i)]); return true; }
            catch (WrongExpectedVersionException) { return false; }
        })));

        Assert.Equal(1, outcomes.Count(won => won));
        Assert.Equal([1L, 2L], (await fx.Store.ReadStreamAsync(stream)).Select(e => e.Version));
        // The stream is not wedged: the next writer who read version 2 goes through.
        await fx.Store.AppendAsync(stream, ExpectedVersion.Exactly(2), [StoreFixture.Event()]);
    }

    [Fact]
    public async Task An_inline_projection_that_fails_rolls_the_append_back()
    {
        var stream = StoreFixture.NewStream();

        await Assert.ThrowsAsync<InvalidOperationException>(() => fx.Store.AppendAsync(stream, ExpectedVersion.NoStream,
            [StoreFixture.Event()], (_, _, _, _, _) => throw new InvalidOperationException("read model refused")));

        Assert.Empty(await fx.Store.ReadStreamAsync(stream));
        Assert.Equal(0, await fx.Store.StreamVersionAsync(stream));
    }

    [Fact]
    public async Task Events_without_an_actor_are_refused_before_anything_is_written()
    {
        var stream = StoreFixture.NewStream();
        var anonymous = new NewEvent("x", "{}", new EventMetadata("", "api"));

        await Assert.ThrowsAsync<ArgumentException>(() => fx.Store.AppendAsync(stream, ExpectedVersion.Any, [anonymous]));
        Assert.Equal(0, await fx.Store.StreamVersionAsync(stream));
    }

    [Fact]
    public async Task The_event_table_refuses_updates_and_deletes()
    {
        var stream = StoreFixture.NewStream();
        await fx.Store.AppendAsync(stream, ExpectedVersion.NoStream, [StoreFixture.Event()]);

        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => fx.ExecuteAsync($"UPDATE es.events SET data = '{{}}' WHERE stream_id = '{stream}'"));
        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => fx.ExecuteAsync($"DELETE FROM es.events WHERE stream_id = '{stream}'"));
    }
}
