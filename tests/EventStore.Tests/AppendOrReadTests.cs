using GovReport.EventStore.Integrity;
using Npgsql;

namespace GovReport.EventStore.Tests;

/// <summary>
/// A command that usually opens its stream sends its events with a read of the stream, in one
/// batch: a new stream is appended in one round trip; an existing one refuses the append, keeps
/// nothing of the batch, and hands back the stream as read, for the command to decide on.
/// </summary>
public sealed class AppendOrReadTests(StoreFixture fx) : IClassFixture<StoreFixture>, IAsyncLifetime
{
    public Task InitializeAsync() =>
        fx.ExecuteAsync("CREATE TABLE IF NOT EXISTS public.opening_writes (stream text NOT NULL, version bigint NOT NULL, marker int NOT NULL)");

    public Task DisposeAsync() => Task.CompletedTask;

    private static InlineStatements Marking(int marker) => (events, earlier, into) =>
    {
        Assert.Empty(earlier);
        var command = new NpgsqlBatchCommand("INSERT INTO public.opening_writes VALUES (@stream, @version, @marker)");
        command.Parameters.AddWithValue("stream", events[^1].StreamId);
        command.Parameters.AddWithValue("version", events[^1].Version);
        command.Parameters.AddWithValue("marker", marker);
        into.Add(command);
        return true;
    };

    private async Task<List<(long Version, int Marker)>> WritesAsync(string stream)
    {
        await using var command = fx.DataSource.CreateCommand("SELECT version, marker FROM public.opening_writes WHERE stream = @stream ORDER BY version");
        command.Parameters.AddWithValue("stream", stream);
        var rows = new List<(long, int)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add((reader.GetInt64(0), reader.GetInt32(1)));
        return rows;
    }

    [Fact]
    public async Task A_new_stream_is_appended_with_its_statements_and_chained_from_genesis()
    {
        var stream = StoreFixture.NewStream("opening");

        var attempt = await fx.Store.AppendOrReadAsync(stream, [StoreFixture.Event(n: 1), StoreFixture.Event(n: 2)], Marking(5));

        Assert.Null(attempt.Existing);
        var appended = Assert.IsType<AppendResult>(attempt.Appended);
        Assert.Equal(2, appended.NextVersion);
        var stored = await fx.Store.ReadStreamAsync(stream);
        Assert.Equal([1L, 2L], stored.Select(e => e.Version));
        Assert.Equal(stored.Select(e => (e.Sequence, e.TransactionId)), appended.Events.Select(e => (e.Sequence, e.TransactionId)));
        Assert.Equal([(2L, 5)], await WritesAsync(stream));
        Assert.Equal(2, await fx.Store.StreamVersionAsync(stream));
        Assert.True((await ChainVerifier.VerifyAsync(fx.DataSource)).Intact);
    }

    [Fact]
    public async Task An_existing_stream_is_read_back_and_nothing_of_the_batch_stays()
    {
        var stream = StoreFixture.NewStream("opening-existing");
        await fx.Store.AppendAsync(stream, ExpectedVersion.NoStream, [StoreFixture.Event(n: 1), StoreFixture.Event(n: 2)]);
        var expected = await fx.Store.ReadForAppendAsync(stream);

        var attempt = await fx.Store.AppendOrReadAsync(stream, [StoreFixture.Event(n: 3)], Marking(1));

        Assert.Null(attempt.Appended);
        var read = Assert.IsType<StreamSnapshot>(attempt.Existing);
        Assert.Equal(2, read.Version);
        Assert.Equal(expected.HeadHash, read.HeadHash);
        Assert.Equal(expected.Events.Select(e => (e.EventId, e.Sequence, e.Data)), read.Events.Select(e => (e.EventId, e.Sequence, e.Data)));
        Assert.Equal(2, (await fx.Store.ReadStreamAsync(stream)).Count);
        Assert.Empty(await WritesAsync(stream));

        // The read is what an append chains to, as a ReadForAppendAsync's is.
        await fx.Store.AppendAsync(read, [StoreFixture.Event(n: 3)], null);
        Assert.Equal(3, await fx.Store.StreamVersionAsync(stream));
        Assert.True((await ChainVerifier.VerifyAsync(fx.DataSource)).Intact);
    }

    [Fact]
    public async Task Openers_racing_on_one_new_stream_have_one_winner_and_only_its_statements_stay()
    {
        var stream = StoreFixture.NewStream("opening-race");

        var attempts = await Task.WhenAll(Enumerable.Range(1, 12).Select(i => Task.Run(async () =>
            (Marker: i, Attempt: await fx.Store.AppendOrReadAsync(stream, [StoreFixture.Event(n: i)], Marking(i))))));

        var winner = Assert.Single(attempts, a => a.Attempt.Appended is not null);
        Assert.All(attempts.Where(a => a.Attempt.Appended is null), a => Assert.True(a.Attempt.Existing!.Version is 0 or 1));
        Assert.Equal([(1L, winner.Marker)], await WritesAsync(stream));
        Assert.Equal([1L], (await fx.Store.ReadStreamAsync(stream)).Select(e => e.Version));
        Assert.True((await ChainVerifier.VerifyAsync(fx.DataSource)).Intact);
    }

    [Fact]
    public async Task A_failing_statement_takes_the_new_stream_with_it()
    {
        var stream = StoreFixture.NewStream("opening-failing");
        InlineStatements failing = (events, earlier, into) =>
        {
            Marking(1)(events, earlier, into);
            into.Add(new NpgsqlBatchCommand("SELECT 1 / 0"));
            return true;
        };

        var error = await Assert.ThrowsAsync<PostgresException>(() => fx.Store.AppendOrReadAsync(stream, [StoreFixture.Event(n: 1)], failing));

        Assert.Equal(PostgresErrorCodes.DivisionByZero, error.SqlState);
        Assert.Empty(await fx.Store.ReadStreamAsync(stream));
        Assert.Equal(0, await fx.Store.StreamVersionAsync(stream));
        Assert.Empty(await WritesAsync(stream));
    }

    [Fact]
    public async Task Statements_that_decline_only_read_the_stream()
    {
        var stream = StoreFixture.NewStream("opening-declined");

        var attempt = await fx.Store.AppendOrReadAsync(stream, [StoreFixture.Event(n: 1)], (_, _, _) => false);

        Assert.Null(attempt.Appended);
        Assert.Equal(0, attempt.Existing!.Version);
        Assert.Empty(await fx.Store.ReadStreamAsync(stream));
    }
}
