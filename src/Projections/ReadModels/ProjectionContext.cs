using Npgsql;

namespace GovReport.Projections.ReadModels;

/// <summary>Where a projector writes: a connection, its transaction and the read-model schema.</summary>
public sealed record ProjectionContext(NpgsqlConnection Connection, NpgsqlTransaction Transaction, string Schema)
{
    /// <summary>Only for a replay into empty tables, the sole writer there: what it wrote.</summary>
    public ReplayMemory? Replay { get; init; }

    public NpgsqlCommand Command(string sql) =>
        new(ReadModelSchema.Qualify(sql, Schema), Connection, Transaction);

    public async Task ExecuteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        await command.ExecuteNonQueryAsync();
    }
}
