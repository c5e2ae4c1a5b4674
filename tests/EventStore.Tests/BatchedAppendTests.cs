using GovReport.EventStore.Integrity;
using Npgsql;

namespace GovReport.EventStore.Tests;

/// <summary>
/// An append whose read-model writes need nothing back goes as one batch with them, in no
/// explicit transaction: it must still be all or nothing, and still turn a stale read away.
/// </summary>
public sealed class BatchedAppendTests(StoreFixture fx) : IClassFixture<StoreFixture>, IAsyncLifetime
{
    public Task InitializeAsync() =>
        fx.ExecuteAsync("CREATE TABLE IF NOT EXISTS public.batched_writes (stream text NOT NULL, version bigint NOT NULL, marker int NOT NULL)");

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Records which writer's statement ran, and at which version the events it saw were.</summary>
    private static InlineStatements Marking(int marker) => (events, _, into) =>
    {
        var command = new NpgsqlBatchCommand("INSERT INTO public.batched_writes VALUES (@stream, @version, @marker)");
        command.Parameters.AddWithValue("stream", events[^1].StreamId);
        command.Parameters.AddWithValue("version", events[^1].Version);
        command.Parameters.AddWithValue("marker", marker);
        into.Add(command);
        return true;
    };

    private static readonly InlineProjection MustNotRun = (_, _, _, _, _) => throw new InvalidOperationException("the batch should have carried it");

    private async Task<List<(long Version, int Marker)>> WritesAsync(string stream)
    {
        await using var command = fx.DataSource.CreateCommand("SELECT version, marker FROM public.batched_writes WHERE stream = @stream ORDER BY version");
        command.Parameters.AddWithValue("stream", stream);
        var rows = new List<(long, int)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add((reader.GetInt64(0), reader.GetInt32(1)));
        return rows;
    }

    [Fact]
    public async Task The_events_and_their_statements_commit_together_with_the_stored_versions()
    {
        var stream = StoreFixture.NewStream("batched");
        var result = await fx.Store.AppendAsync(await fx.Store.ReadForAppendAsync(stream),
            [StoreFixture.Event(n: 1), StoreFixture.Event(n: 2)], MustNotRun, Marking(7));

        var stored = await fx.Store.ReadStreamAsync(stream);
        Assert.Equal([1L, 2L], stored.Select(e => e.Version));
        Assert.Equal(stored.Select(e => (e.Sequence, e.TransactionId)), result.Events.Select(e => (e.Sequence, e.TransactionId)));
        Assert.All(result.Events, e => Assert.True(e.Sequence > 0 && e.TransactionId > 0));
        Assert.Equal([(2L, 7)], await WritesAsync(stream));
        Assert.Equal(2, await fx.Store.StreamVersionAsync(stream));
        Assert.True((await ChainVerifier.VerifyAsync(fx.DataSource)).Intact);
    }

    [Fact]
    public async Task Writers_holding_the_same_read_have_one_winner_and_only_its_statements_stay()
    {
        var stream = StoreFixture.NewStream("batched-race");
        await fx.Store.AppendAsync(stream, ExpectedVersion.NoStream, [StoreFixture.Event(n: 1)]);
        var read = await fx.Store.ReadForAppendAsync(stream);

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 12).Select(i => Task.Run(async () =>
        {
            try { await fx.Store.AppendAsync(read, [StoreFixture.Event(n: i)], MustNotRun, Marking(i)); return i; }
            catch (WrongExpectedVersionException e) when (e.StreamId == stream) { return 0; }
        })));

        var winner = Assert.Single(outcomes, i => i != 0);
        Assert.Equal([(2L, winner)], await WritesAsync(stream));
        Assert.Equal([1L, 2L], (await fx.Store.ReadStreamAsync(stream)).Select(e => e.Version));
        Assert.True((await ChainVerifier.VerifyAsync(fx.DataSource)).Intact);
    }

    [Fact]
    public async Task A_new_stream_created_meanwhile_refuses_the_batch_and_its_statements()
    {
        var stream = StoreFixture.NewStream("batched-created");
        var read = await fx.Store.ReadForAppendAsync(stream);
        await fx.Store.AppendAsync(stream, ExpectedVersion.NoStream, [StoreFixture.Event(n: 1)]);

        await Assert.ThrowsAsync<WrongExpectedVersionException>(
            () => fx.Store.AppendAsync(read, [StoreFixture.Event(n: 2)], MustNotRun, Marking(2)));

        Assert.Single(await fx.Store.ReadStreamAsync(stream));
        Assert.Empty(await WritesAsync(stream));
    }

    [Fact]
    public async Task A_failing_statement_takes_the_events_with_it()
    {
        var stream = StoreFixture.NewStream("batched-failing");
        await fx.Store.AppendAsync(stream, ExpectedVersion.NoStream, [StoreFixture.Event(n: 1)]);
        var read = await fx.Store.ReadForAppendAsync(stream);
        InlineStatements failing = (events, earlier, into) =>
        {
            Marking(1)(events, earlier, into);
            into.Add(new NpgsqlBatchCommand("SELECT 1 / 0"));
            return true;
        };

        var error = await Assert.ThrowsAsync<PostgresException>(() => fx.Store.AppendAsync(read, [StoreFixture.Event(n: 2)], MustNotRun, failing));

        Assert.Equal(PostgresErrorCodes.DivisionByZero, error.SqlState);
        Assert.Single(await fx.Store.ReadStreamAsync(stream));
        Assert.Equal(1, await fx.Store.StreamVersionAsync(stream));
        Assert.Empty(await WritesAsync(stream));
        // The head was not left behind either: the next append chains on as if nothing happened.
        await fx.Store.AppendAsync(read, [StoreFixture.Event(n: 3)], null);
        Assert.True((await ChainVerifier.VerifyAsync(fx.DataSource)).Intact);
    }

    [Fact]
    public async Task Statements_that_decline_leave_the_work_to_the_inline_projection_in_the_transaction()
    {
        var stream = StoreFixture.NewStream("batched-declined");
        var projected = new List<long>();
        InlineProjection inline = (_, _, events, earlier, _) =>
        {
            projected.AddRange(events.Select(e => e.Version));
            Assert.NotNull(earlier);
            return Task.CompletedTask;
        };

        await fx.Store.AppendAsync(await fx.Store.ReadForAppendAsync(stream), [StoreFixture.Event(n: 1)], inline, (_, _, _) => false);

        Assert.Equal([1L], projected);
        Assert.Empty(await WritesAsync(stream));
    }
}
