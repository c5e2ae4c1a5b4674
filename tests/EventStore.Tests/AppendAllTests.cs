using GovReport.EventStore.Integrity;

namespace GovReport.EventStore.Tests;

/// <summary>Several streams, each chained to the snapshot its command read, in one transaction: all go in, or none.</summary>
public sealed class AppendAllTests(StoreFixture fx) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task Every_stream_is_appended_at_its_read_head_in_one_go()
    {
        var (existing, fresh) = (StoreFixture.NewStream("all-existing"), StoreFixture.NewStream("all-fresh"));
        await fx.Store.AppendAsync(existing, ExpectedVersion.NoStream, [StoreFixture.Event(n: 1)]);
        var reads = new[] { await fx.Store.ReadForAppendAsync(existing), await fx.Store.ReadForAppendAsync(fresh) };

        var results = await fx.Store.AppendAllAsync(reads.Select(r => new SnapshotAppend(r, [StoreFixture.Event(n: 2)])).ToList(), null);

        Assert.Equal([2L, 1L], results.Select(r => r.NextVersion));
        Assert.Equal(2, (await fx.Store.ReadStreamAsync(existing)).Count);
        Assert.Single(await fx.Store.ReadStreamAsync(fresh));
        Assert.True((await ChainVerifier.VerifyAsync(fx.DataSource)).Intact);
    }

    [Fact]
    public async Task One_stream_overtaken_since_its_read_refuses_them_all()
    {
        var (overtaken, untouched) = (StoreFixture.NewStream("all-overtaken"), StoreFixture.NewStream("all-untouched"));
        await fx.Store.AppendAsync(overtaken, ExpectedVersion.NoStream, [StoreFixture.Event(n: 1)]);
        var reads = new[] { await fx.Store.ReadForAppendAsync(untouched), await fx.Store.ReadForAppendAsync(overtaken) };
        await fx.Store.AppendAsync(overtaken, ExpectedVersion.Exactly(1), [StoreFixture.Event(n: 2)]);

        await Assert.ThrowsAsync<WrongExpectedVersionException>(
            () => fx.Store.AppendAllAsync(reads.Select(r => new SnapshotAppend(r, [StoreFixture.Event(n: 3)])).ToList(), null));

        Assert.Empty(await fx.Store.ReadStreamAsync(untouched));
        Assert.Equal(2, (await fx.Store.ReadStreamAsync(overtaken)).Count);
    }
}
