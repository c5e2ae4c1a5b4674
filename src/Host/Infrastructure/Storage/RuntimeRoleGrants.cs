using GovReport.EventStore.Schema;
using GovReport.Projections.ReadModels;
using Npgsql;

namespace GovReport.Host.Infrastructure.Storage;

/// <summary>
/// What the runtime role may do, granted by the owner after every migration. The log it may read
/// and append to, never change: no UPDATE, DELETE or TRUNCATE on es.events and no ownership, so
/// it cannot switch the append-only trigger off either. Stream heads, checkpoints and the
/// application's own tables it writes. The read models are disposable (a replay of the log makes
/// them again) and a rebuild swaps whole schemas, which only an owner may: it owns those.
/// </summary>
/// <remarks>
/// Grants go schema-wide and run at every start, so a table a later migration adds is covered
/// without a grant of its own. The owner must be a member of the runtime role (ops/db-setup
/// grants that) to hand the read models over, and to keep migrating them afterwards.
/// </remarks>
public static class RuntimeRoleGrants
{
    /// <summary>Schemas whose tables the runtime reads and writes but does not own.</summary>
    private static readonly string[] WritableSchemas = ["es", "app"];

    public static async Task ApplyAsync(NpgsqlDataSource owner, string runtimeRole, CancellationToken ct)
    {
        await using var connection = await owner.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // Two hosts granting at once would trip over each other's catalogue updates.
        await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", ct, ("key", SchemaMigrator.MigrationLockKey));

        var role = await ScalarAsync(connection, transaction, "SELECT quote_ident(@role)", ct, ("role", runtimeRole));
        var database = await ScalarAsync(connection, transaction, "SELECT quote_ident(current_database())", ct);
        var sql = new List<string>
        {
            // CREATE: the rebuild's twin schema and verify's scratch schema.
            $"GRANT CONNECT, TEMPORARY, CREATE ON DATABASE {database} TO {role}",
        };
        foreach (var schema in WritableSchemas)
        {
            sql.Add($"GRANT USAGE ON SCHEMA {schema} TO {role}");
            sql.Add($"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {role}");
            sql.Add($"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {role}");
        }
        sql.AddRange(EventStore.Schema.EventStoreSchema.RuntimeGrants(role));
        sql.Add($"ALTER SCHEMA {ReadModelSchema.Live} OWNER TO {role}");
        foreach (var statement in sql) await ExecuteAsync(connection, transaction, statement, ct);

        foreach (var handOver in await ReadModelRelationsNotOwnedByAsync(connection, transaction, runtimeRole, ct))
            await ExecuteAsync(connection, transaction, handOver, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>The name of the role a data source connects as.</summary>
    public static async Task<string> RoleOfAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT current_user::text");
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task<List<string>> ReadModelRelationsNotOwnedByAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string role, CancellationToken ct)
    {
        // Indexes and sequences owned by a column follow their table.
        await using var command = new NpgsqlCommand("""
            SELECT format('ALTER %s %I.%I OWNER TO %I',
                          CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END,
                          n.nspname, c.relname, @role)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = @schema AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
              AND c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = @role)
              AND NOT (c.relkind = 'S' AND EXISTS (
                  SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')))
            ORDER BY c.relkind, c.relname
            """, connection, transaction);
        command.Parameters.AddWithValue("role", role);
        command.Parameters.AddWithValue("schema", ReadModelSchema.Live);
        var statements = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) statements.Add(reader.GetString(0));
        return statements;
    }

    private static async Task<string> ScalarAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct, params (string, object)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct, params (string, object)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync(ct);
    }
}
