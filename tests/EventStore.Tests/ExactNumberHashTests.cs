using GovReport.EventStore.Integrity;
using Npgsql;

namespace GovReport.EventStore.Tests;

/// <summary>
/// Numbers are hashed as the exact text jsonb keeps. Under the first scheme they were hashed as
/// doubles, so an edit from 84.000000000000001 to 84 (the same double) went unnoticed.
/// </summary>
public sealed class ExactNumberHashTests : IAsyncLifetime
{
    private readonly StoreFixture _fx = new();

    public Task InitializeAsync() => _fx.InitializeAsync();
    public Task DisposeAsync() => _fx.DisposeAsync();

    private static readonly EventMetadata Who = new("tester", "test");

    private static byte[] HashOf(string data) =>
        EventHash.Compute(EventHash.Genesis, "s", 1, "t", Guid.Empty, DateTimeOffset.UnixEpoch, data, """{"actor":"a","source":"s"}""");

    [Fact]
    public void Numbers_equal_as_doubles_but_written_differently_hash_apart()
    {
        Assert.NotEqual(HashOf("""{"value": 84}"""), HashOf("""{"value": 84.000000000000001}"""));
        Assert.NotEqual(HashOf("""{"value": 1.5}"""), HashOf("""{"value": 1.50}"""));
    }

    [Theory]
    [InlineData("1.50")]
    [InlineData("1e3")]
    [InlineData("1E+2")]
    [InlineData("-0")]
    [InlineData("-0.0")]
    [InlineData("0.00")]
    [InlineData("0e5")]
    [InlineData("0.0e-3")]
    [InlineData("1.5e-3")]
    [InlineData("1.50e1")]
    [InlineData("10.0e-1")]
    [InlineData("-1.23e2")]
    [InlineData("2.5E-1")]
    [InlineData("84.000000000000001")]
    [InlineData("123456789012345678901234567890.000")]
    [InlineData("-0.000000000000000000001")]
    [InlineData("175.158")]
    public async Task A_number_is_spelled_as_jsonb_gives_it_back(string number)
    {
        await using var command = _fx.DataSource.CreateCommand("SELECT (@json::jsonb ->> 0)");
        command.Parameters.AddWithValue("json", $"[{number}]");
        var stored = (string)(await command.ExecuteScalarAsync())!;

        Assert.Equal(stored, JsonbNumber.Normalise(number));
    }

    [Fact]
    public async Task Unusual_spellings_of_numbers_verify_intact_after_a_round_trip_through_jsonb()
    {
        await _fx.Store.AppendAsync(StoreFixture.NewStream("spelling"), ExpectedVersion.NoStream,
            [new NewEvent("t", """{"a": 1.50, "b": 1e3, "c": -0, "d": [0.00, 1.5e-3, -1.23e2], "e": 84.000000000000001}""", Who)]);
        await _fx.Store.AppendManyAsync([new StreamAppend(StoreFixture.NewStream("bulk"), ExpectedVersion.NoStream,
            [new NewEvent("t", """{"value": 2.50E+1, "other": 12345678901234567890.10}""", Who)])]);

        Assert.True((await ChainVerifier.VerifyAsync(_fx.DataSource)).Intact);
    }

    [Fact]
    public async Task New_appends_and_bulk_appends_record_the_exact_number_scheme()
    {
        var single = StoreFixture.NewStream("scheme");
        var bulk = StoreFixture.NewStream("scheme-bulk");
        await _fx.Store.AppendAsync(single, ExpectedVersion.NoStream, [StoreFixture.Event()]);
        await _fx.Store.AppendManyAsync([new StreamAppend(bulk, ExpectedVersion.NoStream, [StoreFixture.Event()])]);

        await using var command = _fx.DataSource.CreateCommand("SELECT DISTINCT hash_version FROM es.events WHERE stream_id = ANY(@s)");
        command.Parameters.AddWithValue("s", new[] { single, bulk });
        Assert.Equal(EventHash.ExactNumbersVersion, (short)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Editing_84_000000000000001_to_84_is_caught()
    {
        var stream = StoreFixture.NewStream("precise");
        await _fx.Store.AppendAsync(stream, ExpectedVersion.NoStream,
            [new NewEvent("figure_recorded", """{"value": 84.000000000000001}""", Who)]);
        var heads = await ChainHeads.ExportAsync(_fx.DataSource, DateTimeOffset.UnixEpoch);

        await _fx.ExecuteAsync($$"""
            ALTER TABLE es.events DISABLE TRIGGER USER;
            UPDATE es.events SET data = '{"value": 84}' WHERE stream_id = '{{stream}}';
            ALTER TABLE es.events ENABLE TRIGGER USER;
            """);

        var broken = Assert.Single((await ChainVerifier.VerifyAsync(_fx.DataSource)).BrokenStreams);
        Assert.Equal((stream, 1L), (broken.Stream, broken.FirstBrokenVersion));
        Assert.Contains(await ChainHeads.CheckAsync(_fx.DataSource, heads.Streams), m => m.Stream == stream);
    }

    [Fact]
    public async Task Rows_hashed_the_first_way_still_verify_and_the_chain_goes_on_from_them()
    {
        // A log written before the exact scheme: its rows carry the default scheme 1 and hashes of doubles.
        var stream = StoreFixture.NewStream("legacy");
        var recorded = new DateTimeOffset(2022, 9, 1, 8, 0, 0, TimeSpan.Zero);
        const string data = """{"value": 84.000000000000001}""";
        const string metadata = """{"actor":"tester","source":"test"}""";
        var id = Guid.NewGuid();
        var hash = EventHash.Compute(EventHash.DoubleNumbersVersion, EventHash.Genesis, stream, 1, "t", id, recorded, data, metadata);
        await using (var insert = _fx.DataSource.CreateCommand("""
            INSERT INTO es.events (stream_id, version, event_type, data, metadata, recorded_at, event_id, prev_hash, hash)
            VALUES (@s, 1, 't', @d::jsonb, @m::jsonb, @r, @id, @genesis, @h);
            INSERT INTO es.streams (stream_id, version, head_hash, created_at, updated_at) VALUES (@s, 1, @h, @r, @r);
            """))
        {
            insert.Parameters.AddWithValue("s", stream);
            insert.Parameters.AddWithValue("d", data);
            insert.Parameters.AddWithValue("m", metadata);
            insert.Parameters.AddWithValue("r", recorded);
            insert.Parameters.AddWithValue("id", id);
            insert.Parameters.AddWithValue("genesis", EventHash.Genesis);
            insert.Parameters.AddWithValue("h", hash);
            await insert.ExecuteNonQueryAsync();
        }
        await _fx.Store.AppendAsync(stream, ExpectedVersion.Exactly(1), [StoreFixture.Event()]);

        var report = await ChainVerifier.VerifyAsync(_fx.DataSource);
        Assert.True(report.Intact, string.Join("; ", report.BrokenStreams));
        await using var schemes = _fx.DataSource.CreateCommand("SELECT array_agg(hash_version ORDER BY version) FROM es.events WHERE stream_id = @s");
        schemes.Parameters.AddWithValue("s", stream);
        Assert.Equal(new short[] { 1, 2 }, (short[])(await schemes.ExecuteScalarAsync())!);
    }
}
