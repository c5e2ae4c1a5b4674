using Npgsql;

namespace GovReport.EventStore.Schema;

/// <summary>
/// Applies a component's migrations once, in order, each in the same transaction as its record.
/// Hosts starting together serialise on a transaction-scoped advisory lock, so the second finds
/// the work done instead of racing it.
/// </summary>
public static class SchemaMigrator
{
    // An arbitrary constant shared by every GovReport host: the key of the migration lock (the
    // runtime role's grants are applied under it too).
    public const long MigrationLockKey = 0x476f_7652_6570_4d67; // "GoRepMg"

    public static async Task<IReadOnlyList<int>> MigrateAsync(
        NpgsqlDataSource dataSource, string component, IReadOnlyList<Migration> migrations, CancellationToken ct = default)
    {
        EnsureDense(component, migrations);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await Execute(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", ct, ("key", MigrationLockKey));
        await Execute(connection, transaction, """
            CREATE SCHEMA IF NOT EXISTS es;
            CREATE TABLE IF NOT EXISTS es.migrations (
                component  text        NOT NULL,
                version    int         NOT NULL,
                name       text        NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (component, version));
            """, ct);

        var current = await CurrentVersionAsync(connection, transaction, component, ct);
        var applied = new List<int>();
        foreach (var migration in migrations.Where(m => m.Version > current).OrderBy(m => m.Version))
        {
            await Execute(connection, transaction, migration.Sql, ct);
            await Execute(connection, transaction,
                "INSERT INTO es.migrations (component, version, name) VALUES (@component, @version, @name)", ct,
                ("component", component), ("version", migration.Version), ("name", migration.Name));
            applied.Add(migration.Version);
        }
        await transaction.CommitAsync(ct);
        return applied;
    }

    /// <summary>The highest applied version of a component, 0 when none (or no migration table yet).</summary>
    public static async Task<int> CurrentVersionAsync(NpgsqlDataSource dataSource, string component, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT to_regclass('es.migrations') IS NOT NULL", connection);
        if (!(bool)(await exists.ExecuteScalarAsync(ct))!) return 0;
        return await CurrentVersionAsync(connection, null, component, ct);
    }

    private static async Task<int> CurrentVersionAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string component, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT coalesce(max(version), 0) FROM es.migrations WHERE component = @component", connection, transaction);
        command.Parameters.AddWithValue("component", component);
        return (int)(await command.ExecuteScalarAsync(ct))!;
    }

    private static void EnsureDense(string component, IReadOnlyList<Migration> migrations)
    {
        var versions = migrations.Select(m => m.Version).Order().ToList();
        if (!versions.SequenceEqual(Enumerable.Range(1, versions.Count)))
            throw new InvalidOperationException($"Migrations of '{component}' must be numbered 1..n without gaps.");
    }

    private static async Task Execute(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct,
        params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync(ct);
    }
}
