using Npgsql;

namespace GovReport.Benchmarks.EventStore;

/// <summary>A database created for one run, so every run starts from empty tables and cold statistics.</summary>
public sealed class BenchDatabase(string adminConnectionString, string name, NpgsqlDataSource dataSource)
{
    public string Name { get; } = name;
    public NpgsqlDataSource DataSource { get; } = dataSource;

    /// <summary>A database an earlier run kept, with its data.</summary>
    public static BenchDatabase Existing(string connectionString, string name)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Database = name };
        return new BenchDatabase(connectionString, name, NpgsqlDataSource.Create(builder.ConnectionString));
    }

    public static async Task<BenchDatabase> CreateAsync(string connectionString)
    {
        var name = $"gr_bench_{DateTime.UtcNow:yyyyMMdd_HHmmss}";
        await using (var admin = new NpgsqlConnection(connectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Database = name };
        return new BenchDatabase(connectionString, name, NpgsqlDataSource.Create(builder.ConnectionString));
    }

    public async Task<string> ScalarAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    public async Task DropAsync()
    {
        await DataSource.DisposeAsync();
        await GovReport.Testing.DatabaseDrop.DropAsync(adminConnectionString, Name);
    }
}
