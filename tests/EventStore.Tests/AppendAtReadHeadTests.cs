using GovReport.EventStore.Integrity;

namespace GovReport.EventStore.Tests;

/// <summary>
/// A command appends chained to the head it read, without locking the head first: the head
/// write in the append's own statement is what turns a concurrent writer away.
/// </summary>
public sealed class AppendAtReadHeadTests(StoreFixture fx) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task Writers_holding_the_same_read_have_exactly_one_winner_and_the_chain_holds()
    {
        var stream = StoreFixture.NewStream("read-head");
        await fx.Store.AppendAsync(stream, ExpectedVersion.NoStream, [StoreFixture.Event(n: 1)]);
        var read = await fx.Store.ReadForAppendAsync(stream);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
        {
            try { await fx.Store.AppendAsync(read, [StoreFixture.Event(n: i), StoreFixture.Event(n: i)], null); return true; }
            catch (WrongExpectedVersionException e) when (e.StreamId == stream) { return false; }
        })));

        Assert.Equal(1, outcomes.Count(won => won));
        Assert.Equal([1L, 2L, 3L], (await fx.Store.ReadStreamAsync(stream)).Select(e => e.Version));
        Assert.Equal(3, await fx.Store.StreamVersionAsync(stream));
        Assert.True((await ChainVerifier.VerifyAsync(fx.DataSource)).Intact);
    }

    [Fact]
    public async Task A_read_overtaken_by_another_append_is_refused_and_stores_nothing()
    {
        var stream = StoreFixture.NewStream("overtaken");
        await fx.Store.AppendAsync(stream, ExpectedVersion.NoStream, [StoreFixture.Event(n: 1)]);
        var read = await fx.Store.ReadForAppendAsync(stream);
        await fx.Store.AppendAsync(stream, ExpectedVersion.Exactly(1), [StoreFixture.Event(n: 2)]);

        var error = await Assert.ThrowsAsync<WrongExpectedVersionException>(
            () => fx.Store.AppendAsync(read, [StoreFixture.Event(n: 3)], (_, _, _, _, _) => throw new InvalidOperationException("must not run")));

        Assert.Equal(ExpectedVersion.Exactly(1), error.Expected);
        Assert.Equal(2, (await fx.Store.ReadStreamAsync(stream)).Count);
    }

    [Fact]
    public async Task A_read_of_a_missing_stream_loses_to_whoever_creates_it_first()
    {
        var stream = StoreFixture.NewStream("created-meanwhile");
        var read = await fx.Store.ReadForAppendAsync(stream);
        Assert.Equal(0, read.Version);
        await fx.Store.AppendAsync(stream, ExpectedVersion.NoStream, [StoreFixture.Event(n: 1)]);

        await Assert.ThrowsAsync<WrongExpectedVersionException>(() => fx.Store.AppendAsync(read, [StoreFixture.Event(n: 2)], null));

        Assert.Single(await fx.Store.ReadStreamAsync(stream));
    }

    [Fact]
    public async Task The_read_head_is_the_last_events_hash_and_the_next_append_chains_to_it()
    {
        var stream = StoreFixture.NewStream("chained");
        var first = await fx.Store.AppendAsync(stream, ExpectedVersion.NoStream, [StoreFixture.Event(n: 1), StoreFixture.Event(n: 2)]);
        var read = await fx.Store.ReadForAppendAsync(stream);
        Assert.Equal(2, read.Version);
        Assert.Equal(first.Events.Select(e => e.EventId), read.Events.Select(e => e.EventId));

        var next = await fx.Store.AppendAsync(read, [StoreFixture.Event(n: 3)], null);

        Assert.Equal(3, next.NextVersion);
        Assert.True((await ChainVerifier.VerifyAsync(fx.DataSource)).Intact);
    }
}
