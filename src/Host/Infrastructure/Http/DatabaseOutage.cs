using System.Net.Sockets;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace GovReport.Host.Infrastructure.Http;

/// <summary>
/// Tells a PostgreSQL outage (the server unreachable, restarting, shutting down or full of
/// connections) from a fault of ours. An outage is the client's to wait out: 503 with
/// <c>Retry-After</c> and the stable code <see cref="Code"/>, never a 500. A write cut off by one
/// may or may not have committed; the client retries with the same Idempotency-Key.
/// </summary>
public static class DatabaseOutage
{
    public const string Code = "database-unavailable";

    /// <summary>Seconds a client should wait: a crashed server restarts and recovers in a few.</summary>
    public const int RetryAfterSeconds = 3;

    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // A server that answered with an error decides by its SQLSTATE alone: a deadlock,
                // a constraint or a missing database is not an outage.
                case PostgresException postgres:
                    return IsOutageState(postgres.SqlState);
                // Npgsql's own transient failures: refused or reset connections, a socket that
                // closed mid-read, a connection attempt or pool wait that timed out.
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                    return true;
            }
        }
        return false;
    }

    /// <summary>Class 08 (connection exception), 57P01-03 (shutdown, crash, starting up), 53300 (too many connections).</summary>
    public static bool IsOutageState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.TooManyConnections;

    public static ProblemHttpResult Problem(HttpContext http)
    {
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Problems.Create(StatusCodes.Status503ServiceUnavailable, Code, "The database is unavailable.",
            $"The database cannot be reached just now; nothing is lost that was acknowledged. Retry in {RetryAfterSeconds} seconds, "
            + "with the same Idempotency-Key for a write.");
    }
}
