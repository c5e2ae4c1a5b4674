using GovReport.Testing;
using Npgsql;

namespace GovReport.EventStore.Tests;

/// <summary>One migrated database per test class; each test uses its own stream ids.</summary>
public sealed class StoreFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    public NpgsqlDataSource DataSource { get; private set; } = null!;
    public ManualClock Clock { get; } = new();
    public PgEventStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("eventstore");
        DataSource = NpgsqlDataSource.Create(_database.ConnectionString);
        Store = new PgEventStore(DataSource, Clock);
        await Store.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }

    public static NewEvent Event(string type = "figure_recorded", int n = 0, string actor = "tester") =>
        new(type, $$"""{"n": {{n}}, "unit": "xa-nong-thuong", "value": 175.158}""", new EventMetadata(actor, "test", Reason: "because"));

    public static string NewStream(string prefix = "s") => $"{prefix}-{Guid.NewGuid():N}";

    public async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
