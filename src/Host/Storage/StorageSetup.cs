using GovReport.EventStore;
using GovReport.Host.Health;
using GovReport.Projections.ReadModels;

namespace GovReport.Host.Storage;

public static class StorageSetup
{
    public static IServiceCollection AddGovReportStorage(this IServiceCollection services)
    {
        services.AddSingleton(sp => new PgEventStore(
            sp.GetRequiredService<Npgsql.NpgsqlDataSource>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<EventSubscription>();
        services.AddSingleton<Application.StreamCommands>();
        services.AddSingleton<Application.IdempotencyStore>();
        services.AddSingleton<GovReport.Projections.Queries.CatalogueReader>();
        services.AddHostedService<MigrationService>();
        services.AddReadinessProbe<MigrationProbe>();
        return services;
    }
}

/// <summary>
/// Brings the schema up to date before the server listens (hosted services start first). Every
/// host runs it; the migration lock makes the second a no-op. Where the database is not there
/// yet the host still starts — live, not ready — and keeps trying in the background.
/// </summary>
internal sealed class MigrationService(PgEventStore store, ILogger<MigrationService> log) : BackgroundService
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
                await MigrateAsync(store, stoppingToken);
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

    public static async Task MigrateAsync(PgEventStore store, CancellationToken ct)
    {
        await store.MigrateAsync(ct);
        await ReadModelSchema.MigrateLiveAsync(store.DataSource, ct);
        await Projections.Poison.ProjectionFailures.MigrateAsync(store.DataSource, ct);
        await Application.IdempotencySchema.MigrateAsync(store.DataSource, ct);
    }
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
