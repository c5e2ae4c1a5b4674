namespace GovReport.EventStore.Tests;

public sealed class BulkAppendTests(StoreFixture fx) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task Many_streams_append_in_one_call_and_chain_onto_existing_heads()
    {
        var existing = StoreFixture.NewStream();
        await fx.Store.AppendAsync(existing, ExpectedVersion.NoStream, [StoreFixture.Event()]);
        var fresh = Enumerable.Range(0, 50).Select(_ => StoreFixture.NewStream("bulk")).ToList();

        var appended = await fx.Store.AppendManyAsync(
            [new StreamAppend(existing, ExpectedVersion.Exactly(1), [StoreFixture.Event(n: 2)]),
             ..fresh.Select(s => new StreamAppend(s, ExpectedVersion.NoStream, [StoreFixture.Event(n: 1), StoreFixture.Event(n: 2)]))]);

        Assert.Equal(101, appended);
        Assert.Equal(2, await fx.Store.StreamVersionAsync(existing));
        Assert.All(fresh, s => Assert.Equal(2, fx.Store.StreamVersionAsync(s).Result));
        Assert.True((await Integrity.ChainVerifier.VerifyAsync(fx.DataSource)).Intact);
    }

    [Fact]
    public async Task Events_encoded_by_the_store_are_stored_as_encoded_and_chained()
    {
        var streams = Enumerable.Range(0, 300).Select(_ => StoreFixture.NewStream("encoded")).ToList();

        var appended = await fx.Store.AppendManyAsync(
            streams.Select(s => new StreamAppend<int>(s, ExpectedVersion.NoStream, [1, 2, 3])).ToList(),
            n => StoreFixture.Event(n: n));

        Assert.Equal(900, appended);
        var stored = await fx.Store.ReadStreamAsync(streams[^1]);
        Assert.Equal(StoreFixture.Event(n: 3).Data, stored[2].Data);
        Assert.Equal([1L, 2L, 3L], stored.Select(e => e.Version));
        Assert.True((await Integrity.ChainVerifier.VerifyAsync(fx.DataSource)).Intact);
    }

    [Fact]
    public async Task An_event_encoded_wrongly_anywhere_in_the_batch_stores_nothing()
    {
        // Far enough in that the first slices are already in the COPY when it is encoded.
        var streams = Enumerable.Range(0, 600).Select(_ => StoreFixture.NewStream("badly-encoded")).ToList();

        await Assert.ThrowsAsync<ArgumentException>(() => fx.Store.AppendManyAsync(
            streams.Select((s, i) => new StreamAppend<int>(s, ExpectedVersion.NoStream, [i])).ToList(),
            n => n == 590 ? StoreFixture.Event(type: " ") : StoreFixture.Event(n: n)));

        Assert.Empty(await fx.Store.ExistingStreamsAsync(streams));
    }

    [Fact]
    public async Task One_stale_stream_refuses_the_whole_batch()
    {
        var existing = StoreFixture.NewStream();
        await fx.Store.AppendAsync(existing, ExpectedVersion.NoStream, [StoreFixture.Event()]);
        var fresh = StoreFixture.NewStream();

        await Assert.ThrowsAsync<WrongExpectedVersionException>(() => fx.Store.AppendManyAsync(
            [new StreamAppend(fresh, ExpectedVersion.NoStream, [StoreFixture.Event()]),
             new StreamAppend(existing, ExpectedVersion.NoStream, [StoreFixture.Event()])]));

        Assert.Equal(0, await fx.Store.StreamVersionAsync(fresh));
        Assert.Equal(1, await fx.Store.StreamVersionAsync(existing));
    }

    [Fact]
    public async Task One_stream_expected_ahead_of_its_version_refuses_the_whole_batch()
    {
        var existing = StoreFixture.NewStream();
        await fx.Store.AppendAsync(existing, ExpectedVersion.NoStream, [StoreFixture.Event()]);
        var fresh = StoreFixture.NewStream();

        await Assert.ThrowsAsync<WrongExpectedVersionException>(() => fx.Store.AppendManyAsync(
            [new StreamAppend(fresh, ExpectedVersion.NoStream, [StoreFixture.Event()]),
             new StreamAppend(existing, ExpectedVersion.Exactly(2), [StoreFixture.Event()])]));

        Assert.Equal(0, await fx.Store.StreamVersionAsync(fresh));
        Assert.Equal(1, await fx.Store.StreamVersionAsync(existing));
    }

    [Fact]
    public async Task Concurrent_bulk_creations_of_the_same_new_streams_have_exactly_one_winner()
    {
        var streams = Enumerable.Range(0, 40).Select(_ => StoreFixture.NewStream("bulk-race")).ToList();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            try
            {
                await fx.Store.AppendManyAsync(streams.Select(s =>
                    new StreamAppend(s, ExpectedVersion.NoStream, [StoreFixture.Event(n: i), StoreFixture.Event(n: i)])).ToList());
                return true;
            }
            catch (WrongExpectedVersionException) { return false; }
        })));

        Assert.Equal(1, outcomes.Count(won => won));
        Assert.All(streams, s => Assert.Equal(2, fx.Store.StreamVersionAsync(s).Result));
        Assert.True((await Integrity.ChainVerifier.VerifyAsync(fx.DataSource)).Intact);
    }
}
