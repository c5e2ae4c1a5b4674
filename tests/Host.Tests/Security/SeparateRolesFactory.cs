using GovReport.Host.Infrastructure.Storage;
using GovReport.Host.Tests.Reports;
using GovReport.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GovReport.Host.Tests.Security;

/// <summary>
/// The host as ops/run configures it: an owner role that migrates (and owns the test database)
/// and a runtime role the service runs as. Both are made for this test class, with names of
/// their own, and dropped with the database.
/// </summary>
public class SeparateRolesFactory : ReportsFactory
{
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..12];
    private readonly string _password = Guid.NewGuid().ToString("N");

    public string OwnerRole => $"gr_test_owner_{_suffix}";
    public string RuntimeRole => $"gr_test_app_{_suffix}";
    public string OwnerConnectionString { get; private set; } = "";
    public string RuntimeConnectionString { get; private set; } = "";

    /// <summary>The owner's data source, as the host holds it: for what only an owner (or attacker with its rights) may do.</summary>
    public NpgsqlDataSource Owner => Services.GetRequiredService<SchemaOwner>().DataSource!;

    public NpgsqlDataSource Runtime => Services.GetRequiredService<NpgsqlDataSource>();

    protected override async Task PrepareDatabaseAsync(TestDatabase database)
    {
        await AdminAsync($"""
            CREATE ROLE {OwnerRole} LOGIN PASSWORD '{_password}';
            CREATE ROLE {RuntimeRole} LOGIN PASSWORD '{_password}';
            GRANT {RuntimeRole} TO {OwnerRole};
            GRANT {OwnerRole} TO CURRENT_USER;
            ALTER DATABASE "{database.Name}" OWNER TO {OwnerRole};
            """);
        OwnerConnectionString = As(database, OwnerRole);
        RuntimeConnectionString = As(database, RuntimeRole);
    }

    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        base.ConfigureSettings(settings);
        settings["ConnectionStrings:GovReport"] = RuntimeConnectionString;
        settings["ConnectionStrings:GovReportOwner"] = OwnerConnectionString;
    }

    protected override Task CleanUpAsync() => AdminAsync($"DROP ROLE IF EXISTS {RuntimeRole}; DROP ROLE IF EXISTS {OwnerRole};");

    private string As(TestDatabase database, string role) =>
        new NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = role, Password = _password }.ConnectionString;

    private static async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
