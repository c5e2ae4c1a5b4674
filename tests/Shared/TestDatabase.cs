using Npgsql;

namespace GovReport.Testing;

/// <summary>
/// A fresh, empty PostgreSQL database for one test class, dropped when the class is done.
/// Tests run against the real server that ops/db-setup starts: never a mock.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("GOVREPORT_TEST_CONNECTION")
        ?? Environment.GetEnvironmentVariable("ConnectionStrings__GovReport")
        ?? "Host=127.0.0.1;Port=5432;Username=govreport;Password=govreport;Database=govreport";

    public string Name { get; }
    public string ConnectionString { get; }

    private TestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public static async Task<TestDatabase> CreateAsync(string purpose)
    {
        var slug = new string(purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(30).ToArray());
        var name = $"gr_test_{slug}_{Guid.NewGuid():N}"[..Math.Min(63, 8 + slug.Length + 1 + 32)];
        await using (var admin = new NpgsqlConnection(AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name };
        return new TestDatabase(name, builder.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await DatabaseDrop.DropAsync(AdminConnectionString, Name);
    }
}
