using Npgsql;

namespace GovReport.Benchmarks.EventStore;

/// <summary>A database created for one run, so every run starts from empty tables and cold statistics.</summary>
public sealed class BenchDatabase(string adminConnectionString, string name, NpgsqlDataSource dataSource)
{
    public string Name { get; } = name;
    public NpgsqlDataSource DataSource { get; } = dataSource;

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
        await using var admin = new NpgsqlConnection(adminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        // FORCE may not end a superuser's session (an autovacuum worker on the fresh tables): wait it out.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse && attempt < 30)
            {
                await Task.Delay(500);
            }
        }
    }
}
