using Npgsql;

namespace GovReport.Host.Infrastructure.Health;

/// <summary>Ready when PostgreSQL answers <c>select 1</c> within a short timeout.</summary>
public sealed class DatabaseProbe(NpgsqlDataSource dataSource) : IReadinessProbe
{
    public const string Name = "database";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<ProbeResult> CheckAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(timeout.Token);
            await using var command = new NpgsqlCommand("select 1", connection);
            await command.ExecuteScalarAsync(timeout.Token);
            return new ProbeResult(Name, true);
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException
                                      or System.Net.Sockets.SocketException)
        {
            return new ProbeResult(Name, false, timeout.IsCancellationRequested ? "timed out" : e.Message);
        }
    }
}
