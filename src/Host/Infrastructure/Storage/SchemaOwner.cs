using Npgsql;

namespace GovReport.Host.Infrastructure.Storage;

/// <summary>
/// The role that owns the log and runs migrations (<c>ConnectionStrings:GovReportOwner</c>), when
/// it is not the one the service runs as. Null <see cref="DataSource"/>: one role does both, as
/// in development and the tests, and /health/ready says the log is not protected from it.
/// </summary>
public sealed class SchemaOwner(NpgsqlDataSource? dataSource) : IAsyncDisposable
{
    public const string ConnectionStringName = "GovReportOwner";

    public NpgsqlDataSource? DataSource { get; } = dataSource;

    public static SchemaOwner FromConfiguration(IServiceProvider services)
    {
        var connectionString = services.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString)) return new SchemaOwner(null);
        return new SchemaOwner(new NpgsqlDataSourceBuilder(connectionString)
            .UseLoggerFactory(services.GetRequiredService<ILoggerFactory>())
            .Build());
    }

    public ValueTask DisposeAsync() => DataSource?.DisposeAsync() ?? ValueTask.CompletedTask;
}
