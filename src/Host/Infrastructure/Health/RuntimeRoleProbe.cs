using Npgsql;

namespace GovReport.Host.Infrastructure.Health;

/// <summary>
/// Whether the role the service runs as could rewrite history: it owns es.events (and so can
/// switch the append-only trigger off), may UPDATE, DELETE or TRUNCATE it, or is a superuser.
/// PostgreSQL is asked, not the configuration. Never makes the host unready — a single role is
/// how development and the tests run — but says so, for operators to see in production.
/// </summary>
public sealed class RuntimeRoleProbe(NpgsqlDataSource dataSource) : IReadinessProbe
{
    public const string Name = "runtime-role";
    public const string CanAlterLog = "the runtime role can alter the log";

    public async Task<ProbeResult> CheckAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT r.rolname::text, r.rolsuper,
                   coalesce(pg_has_role(r.oid, c.relowner, 'USAGE'), false),
                   coalesce(has_table_privilege(r.oid, c.oid, 'UPDATE'), false),
                   coalesce(has_table_privilege(r.oid, c.oid, 'DELETE'), false),
                   coalesce(has_table_privilege(r.oid, c.oid, 'TRUNCATE'), false),
                   c.oid IS NOT NULL
            FROM pg_roles r LEFT JOIN pg_class c ON c.oid = to_regclass('es.events')
            WHERE r.rolname = current_user
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return new ProbeResult(Name, true, "the runtime role was not found");
        var role = reader.GetString(0);
        var superuser = reader.GetBoolean(1);
        var ownsLog = reader.GetBoolean(2);
        var (update, delete, truncate) = (reader.GetBoolean(3), reader.GetBoolean(4), reader.GetBoolean(5));
        if (!reader.GetBoolean(6)) return new ProbeResult(Name, true, "the log is not created yet", new { role });
        var canAlter = superuser || ownsLog || update || delete || truncate;
        return new ProbeResult(Name, true, canAlter ? CanAlterLog : "the runtime role can only read and append to the log",
            new { role, canAlterLog = canAlter, superuser, ownsLog, update, delete, truncate });
    }
}
