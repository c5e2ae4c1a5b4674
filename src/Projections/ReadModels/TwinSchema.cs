using Npgsql;

namespace GovReport.Projections.ReadModels;

/// <summary>
/// A twin of the read models made for a replay: the same migrations as the live schema, then,
/// until the replay is done, without what only readers and crash recovery need. Nothing reads a
/// twin before it is swapped in or compared, so its secondary indexes are built once at the end,
/// each by one sort, rather than kept row by row, and autovacuum leaves its tables alone while
/// they fill (it comes back to them once the twin is complete). A crash before the end only means
/// replaying again, so its tables may skip the WAL (<paramref name="Unlogged"/>): worth it only for
/// a twin never made logged (see <c>ReadModelRebuilder</c>).
/// <see cref="CompleteAsync"/> gives it back exactly what a migrated schema has.
/// </summary>
/// <param name="Indexes">The definitions of the indexes put off (pg_get_indexdef: names included).</param>
/// <param name="Tables">Its tables, qualified and quoted.</param>
/// <param name="Unlogged">Whether the tables were made unlogged for the replay.</param>
public sealed record TwinSchema(string Schema, IReadOnlyList<string> Indexes, IReadOnlyList<string> Tables, bool Unlogged)
{
    /// <summary>
    /// Creates an empty twin and puts off its non-unique indexes, those no constraint rests on:
    /// unique keys stay, since the replay's upserts and its lookups by key need them.
    /// </summary>
    /// <param name="unlogged">Whether the replay writes its tables without the WAL.</param>
    public static async Task<TwinSchema> CreateAsync(NpgsqlConnection connection, string schema, bool unlogged, CancellationToken ct)
    {
        await ReadModelSchema.CreateScratchAsync(connection, schema, ct);
        var indexes = await PairsAsync(connection, """
            SELECT format('DROP INDEX %I.%I', n.nspname, c.relname), pg_get_indexdef(i.indexrelid)
            FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = @schema AND NOT i.indisunique
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
            ORDER BY c.relname
            """, schema, ct);
        // A table whose migrations chose its autovacuum setting keeps it.
        var tables = (await PairsAsync(connection, """
            SELECT format('%I.%I', n.nspname, c.relname),
                   coalesce(array_to_string(c.reloptions, ',') LIKE '%autovacuum_enabled%', false)::text
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = @schema AND c.relkind = 'r'
            ORDER BY c.relname
            """, schema, ct)).Where(t => t.Second == "false").Select(t => t.First).ToList();
        // The tables are empty: these change the catalogue, they rewrite nothing of any size.
        foreach (var (drop, _) in indexes) await ExecuteAsync(connection, drop, ct);
        foreach (var table in tables)
            await ExecuteAsync(connection, $"ALTER TABLE {table} SET (autovacuum_enabled = false)" + (unlogged ? ", SET UNLOGGED" : ""), ct);
        return new TwinSchema(schema, indexes.Select(i => i.Second).ToList(), tables, unlogged);
    }

    /// <summary>
    /// Makes the twin what a migrated schema is: its tables logged again (each rewritten once, its
    /// indexes with it), then the indexes put off, each built by one sort of the replayed rows.
    /// </summary>
    /// <param name="durable">
    /// Whether the twin is to be swapped in. One only compared with the live models and dropped
    /// (verify) stays unlogged: making it logged would write it all to the WAL for nothing.
    /// </param>
    public async Task CompleteAsync(NpgsqlConnection connection, bool durable, CancellationToken ct)
    {
        foreach (var table in Tables)
            await ExecuteAsync(connection, $"ALTER TABLE {table} RESET (autovacuum_enabled)" + (Unlogged && durable ? ", SET LOGGED" : ""), ct);
        foreach (var index in Indexes) await ExecuteAsync(connection, index, ct);
    }

    private static async Task<List<(string First, string Second)>> PairsAsync(NpgsqlConnection connection, string sql, string schema, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("schema", schema);
        var pairs = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) pairs.Add((reader.GetString(0), reader.GetString(1)));
        return pairs;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
