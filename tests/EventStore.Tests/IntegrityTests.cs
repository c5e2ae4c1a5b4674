using GovReport.EventStore.Integrity;

namespace GovReport.EventStore.Tests;

/// <summary>Each test tampers as a table owner would: with the append-only trigger switched off.</summary>
public sealed class IntegrityTests : IAsyncLifetime
{
    private readonly StoreFixture _fx = new();

    public Task InitializeAsync() => _fx.InitializeAsync();
    public Task DisposeAsync() => _fx.DisposeAsync();

    private async Task<string> SeedAsync()
    {
        var stream = StoreFixture.NewStream("tamper");
        await _fx.Store.AppendAsync(stream, ExpectedVersion.NoStream,
            [StoreFixture.Event(n: 1), StoreFixture.Event(n: 2), StoreFixture.Event(n: 3), StoreFixture.Event(n: 4)]);
        await _fx.Store.AppendAsync(StoreFixture.NewStream("untouched"), ExpectedVersion.NoStream, [StoreFixture.Event()]);
        return stream;
    }

    private Task TamperAsync(string sql) => _fx.ExecuteAsync(
        $"ALTER TABLE es.events DISABLE TRIGGER USER; {sql}; ALTER TABLE es.events ENABLE TRIGGER USER;");

    [Fact]
    public async Task An_untouched_log_verifies_intact()
    {
        await SeedAsync();
        var report = await ChainVerifier.VerifyAsync(_fx.DataSource);
        Assert.True(report.Intact);
        Assert.Equal(5, report.CheckedEvents);
        Assert.Equal(2, report.CheckedStreams);
    }

    [Fact]
    public async Task Changing_an_events_data_names_that_event()
    {
        var stream = await SeedAsync();
        await TamperAsync($"UPDATE es.events SET data = jsonb_set(data, '{{value}}', '200') WHERE stream_id = '{stream}' AND version = 2");

        var broken = Assert.Single((await ChainVerifier.VerifyAsync(_fx.DataSource)).BrokenStreams);
        Assert.Equal(stream, broken.Stream);
        Assert.Equal(2, broken.FirstBrokenVersion);
    }

    [Fact]
    public async Task Changing_an_events_metadata_names_that_event()
    {
        var stream = await SeedAsync();
        await TamperAsync($"UPDATE es.events SET metadata = jsonb_set(metadata, '{{actor}}', '\"someone-else\"') WHERE stream_id = '{stream}' AND version = 3");

        var broken = Assert.Single((await ChainVerifier.VerifyAsync(_fx.DataSource)).BrokenStreams);
        Assert.Equal((stream, 3L), (broken.Stream, broken.FirstBrokenVersion));
    }

    [Fact]
    public async Task Swapping_two_events_order_is_detected_at_the_first_of_them()
    {
        var stream = await SeedAsync();
        await TamperAsync($"""
            ALTER TABLE es.events DROP CONSTRAINT events_stream_version;
            UPDATE es.events SET version = CASE version WHEN 2 THEN 3 ELSE 2 END WHERE stream_id = '{stream}' AND version IN (2, 3)
            """);

        var broken = Assert.Single((await ChainVerifier.VerifyAsync(_fx.DataSource)).BrokenStreams);
        Assert.Equal((stream, 2L), (broken.Stream, broken.FirstBrokenVersion));
    }

    [Fact]
    public async Task Deleting_an_event_in_the_middle_is_detected()
    {
        var stream = await SeedAsync();
        await TamperAsync($"DELETE FROM es.events WHERE stream_id = '{stream}' AND version = 2");

        var broken = Assert.Single((await ChainVerifier.VerifyAsync(_fx.DataSource)).BrokenStreams);
        Assert.Equal((stream, 2L), (broken.Stream, broken.FirstBrokenVersion));
    }

    [Fact]
    public async Task Deleting_the_last_event_is_detected_through_the_stream_head()
    {
        var stream = await SeedAsync();
        await TamperAsync($"DELETE FROM es.events WHERE stream_id = '{stream}' AND version = 4");

        var broken = Assert.Single((await ChainVerifier.VerifyAsync(_fx.DataSource)).BrokenStreams);
        Assert.Equal((stream, 4L), (broken.Stream, broken.FirstBrokenVersion));
    }

    [Fact]
    public async Task Deleting_a_whole_stream_is_detected_through_its_head()
    {
        var stream = await SeedAsync();
        await TamperAsync($"DELETE FROM es.events WHERE stream_id = '{stream}'");

        var broken = Assert.Single((await ChainVerifier.VerifyAsync(_fx.DataSource)).BrokenStreams);
        Assert.Equal(stream, broken.Stream);
    }
}
