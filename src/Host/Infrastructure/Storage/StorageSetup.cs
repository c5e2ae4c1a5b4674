using GovReport.EventStore;
using GovReport.Host.Infrastructure.Health;
using GovReport.Projections.ReadModels;

namespace GovReport.Host.Infrastructure.Storage;

public static class StorageSetup
{
    public static IServiceCollection AddGovReportStorage(this IServiceCollection services)
    {
        services.AddSingleton(sp => new PgEventStore(
            sp.GetRequiredService<Npgsql.NpgsqlDataSource>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<EventSubscription>();
        services.AddSingleton<Infrastructure.Writes.StreamCommands>();
        services.AddSingleton<Infrastructure.Idempotency.IdempotencyStore>();
        services.AddSingleton<Infrastructure.Idempotency.UnsettledClaims>();
        services.AddOptions<Infrastructure.Idempotency.IdempotencyOptions>().BindConfiguration(Infrastructure.Idempotency.IdempotencyOptions.Section);
        services.AddSingleton<GovReport.Projections.Queries.CatalogueReader>();
        services.AddSingleton(SchemaOwner.FromConfiguration);
        services.AddHostedService<MigrationService>();
        services.AddReadinessProbe<MigrationProbe>();
        services.AddReadinessProbe<RuntimeRoleProbe>();
        return services;
    }
}

/// <summary>
/// Brings the schema up to date before the server listens (hosted services start first). Every
/// host runs it; the migration lock makes the second a no-op. Where the database is not there
/// yet the host still starts — live, not ready — and keeps trying in the background. Migrations
/// run as the owner role where one is configured, which then grants the runtime role its share.
/// </summary>
internal sealed class MigrationService(PgEventStore store, SchemaOwner owner, ILogger<MigrationService> log) : BackgroundService
{
    private readonly TaskCompletionSource _firstAttempt = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override async Task StartAsync(CancellationToken ct)
    {
        await base.StartAsync(ct);
        await _firstAttempt.Task.WaitAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await MigrateAsync(store, owner, stoppingToken);
                log.LogInformation("Schema migrated");
                _firstAttempt.TrySetResult();
                return;
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
            {
                log.LogWarning(e, "Schema migration failed; retrying in {Delay}", delay);
                _firstAttempt.TrySetResult();
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }

    /// <summary>What a CLI verb runs before its work: the same as a starting host.</summary>
    public static Task MigrateAsync(IServiceProvider services, CancellationToken ct) =>
        MigrateAsync(services.GetRequiredService<PgEventStore>(), services.GetRequiredService<SchemaOwner>(), ct);

    /// <summary>
    /// Migrates with the store's own role, for callers that know no owner: nothing to do when the
    /// schema is current (so a runtime role that may not migrate gets by), else a full migration.
    /// </summary>
    public static async Task MigrateAsync(PgEventStore store, CancellationToken ct)
    {
        if (await IsCurrentAsync(store.DataSource, ct)) return;
        await MigrateAsync(store, new SchemaOwner(null), ct);
    }

    public static async Task MigrateAsync(PgEventStore store, SchemaOwner owner, CancellationToken ct)
    {
        var dataSource = owner.DataSource ?? store.DataSource;
        await EventStore.Schema.SchemaMigrator.MigrateAsync(dataSource, EventStore.Schema.EventStoreSchema.Component, EventStore.Schema.EventStoreSchema.Migrations, ct);
        await ReadModelSchema.MigrateLiveAsync(dataSource, ct);
        await Projections.Poison.ProjectionFailures.MigrateAsync(dataSource, ct);
        await Infrastructure.Idempotency.IdempotencySchema.MigrateAsync(dataSource, ct);
        await Infrastructure.Auth.Accounts.AccountsSchema.MigrateAsync(dataSource, ct);
        await Infrastructure.Messaging.MessagingSchema.MigrateAsync(dataSource, ct);
        if (owner.DataSource is null) return;
        var runtime = await RuntimeRoleGrants.RoleOfAsync(store.DataSource, ct);
        if (runtime != await RuntimeRoleGrants.RoleOfAsync(owner.DataSource, ct))
            await RuntimeRoleGrants.ApplyAsync(owner.DataSource, runtime, ct);
    }

    private static async Task<bool> IsCurrentAsync(Npgsql.NpgsqlDataSource dataSource, CancellationToken ct) =>
        await EventStore.Schema.SchemaMigrator.CurrentVersionAsync(dataSource, EventStore.Schema.EventStoreSchema.Component, ct)
            == EventStore.Schema.EventStoreSchema.Migrations.Count
        && await EventStore.Schema.SchemaMigrator.CurrentVersionAsync(dataSource, ReadModelSchema.Component, ct)
            == ReadModelSchema.MigrationsFor(ReadModelSchema.Live).Count
        && await EventStore.Schema.SchemaMigrator.CurrentVersionAsync(dataSource, Projections.Poison.ProjectionFailures.Component, ct)
            == Projections.Poison.ProjectionFailures.Migrations.Count
        && await EventStore.Schema.SchemaMigrator.CurrentVersionAsync(dataSource, Infrastructure.Idempotency.IdempotencySchema.Component, ct) > 0
        && await EventStore.Schema.SchemaMigrator.CurrentVersionAsync(dataSource, Infrastructure.Auth.Accounts.AccountsSchema.Component, ct)
            == Infrastructure.Auth.Accounts.AccountsSchema.Migrations.Length
        && await EventStore.Schema.SchemaMigrator.CurrentVersionAsync(dataSource, Infrastructure.Messaging.MessagingSchema.Component, ct)
            == Infrastructure.Messaging.MessagingSchema.Migrations.Length;
}

internal sealed class MigrationProbe(PgEventStore store) : IReadinessProbe
{
    public async Task<ProbeResult> CheckAsync(CancellationToken ct)
    {
        var eventStore = await EventStore.Schema.SchemaMigrator.CurrentVersionAsync(store.DataSource, EventStore.Schema.EventStoreSchema.Component, ct);
        var readModels = await EventStore.Schema.SchemaMigrator.CurrentVersionAsync(store.DataSource, ReadModelSchema.Component, ct);
        var expected = (EventStore.Schema.EventStoreSchema.Migrations.Count, ReadModelSchema.MigrationsFor(ReadModelSchema.Live).Count);
        var ready = (eventStore, readModels) == expected;
        return new ProbeResult("migrations", ready, ready ? null : "schema migrations are not applied yet",
            new { eventStore, readModels });
    }
}
