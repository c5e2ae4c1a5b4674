using GovReport.EventStore.Schema;
using GovReport.Testing;
using Npgsql;

namespace GovReport.EventStore.Tests;

public sealed class MigrationTests
{
    [Fact]
    public async Task Hosts_starting_together_apply_each_migration_once_and_both_start()
    {
        await using var database = await TestDatabase.CreateAsync("migrations");
        var hosts = Enumerable.Range(0, 4).Select(_ => NpgsqlDataSource.Create(database.ConnectionString)).ToList();

        var applied = await Task.WhenAll(hosts.Select(ds => Task.Run(() =>
            SchemaMigrator.MigrateAsync(ds, EventStoreSchema.Component, EventStoreSchema.Migrations))));

        Assert.Equal(1, applied.Count(a => a.Count > 0));
        Assert.Equal(EventStoreSchema.Migrations.Count, await SchemaMigrator.CurrentVersionAsync(hosts[0], EventStoreSchema.Component));
        var store = new PgEventStore(hosts[1], TimeProvider.System);
        await store.MigrateAsync(); // a later restart finds nothing to do
        await store.AppendAsync("after-migration", ExpectedVersion.NoStream, [StoreFixture.Event()]);
        foreach (var ds in hosts) await ds.DisposeAsync();
    }

    [Fact]
    public async Task A_fresh_database_reports_version_zero()
    {
        await using var database = await TestDatabase.CreateAsync("fresh");
        await using var ds = NpgsqlDataSource.Create(database.ConnectionString);
        Assert.Equal(0, await SchemaMigrator.CurrentVersionAsync(ds, EventStoreSchema.Component));
    }
}
