namespace GovReport.EventStore.Tests;

/// <summary>Bodies are compressed with lz4, about half pglz's cost per append; nothing else changes.</summary>
public sealed class EventBodyCompressionTests(StoreFixture fx) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task Event_bodies_are_compressed_with_lz4_and_read_back_whole()
    {
        var body = "{\"figures\":[" + string.Join(',', Enumerable.Range(0, 200).Select(i => $"{{\"indicator\":\"indicator-{i:D3}\",\"value\":{i}.125}}")) + "]}";
        var stream = StoreFixture.NewStream("lz4");
        await fx.Store.AppendAsync(stream, ExpectedVersion.NoStream, [new NewEvent("t", body, new EventMetadata("tester", "test"))]);

        await using var command = fx.DataSource.CreateCommand(
            "SELECT pg_column_compression(data) FROM es.events WHERE stream_id = @stream");
        command.Parameters.AddWithValue("stream", stream);
        Assert.Equal("lz4", await command.ExecuteScalarAsync());
        var read = Assert.Single(await fx.Store.ReadStreamAsync(stream));
        using var stored = System.Text.Json.JsonDocument.Parse(read.Data);
        Assert.Equal(200, stored.RootElement.GetProperty("figures").GetArrayLength());
        Assert.True((await Integrity.ChainVerifier.VerifyAsync(fx.DataSource)).Intact);
    }
}
