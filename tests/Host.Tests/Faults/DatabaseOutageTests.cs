using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using GovReport.Host.Infrastructure.Http;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Infrastructure;
using GovReport.Host.Tests.Reports;
using GovReport.Testing;
using Npgsql;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Faults;

/// <summary>
/// An unreachable or refusing PostgreSQL is an outage the client waits out (503, Retry-After,
/// <c>database-unavailable</c>), not a fault of ours (500). The exceptions are real ones: a
/// closed port, a terminated backend, a database that takes no more connections.
/// </summary>
public sealed class DatabaseOutageTests(ReportsFactory factory) : IClassFixture<ReportsFactory>
{
    [Fact]
    public async Task Given_a_closed_port_when_connecting_then_it_is_an_outage()
    {
        var builder = new NpgsqlConnectionStringBuilder(factory.Database.ConnectionString) { Port = ClosedPort(), Timeout = 2, Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);

        var error = await Assert.ThrowsAnyAsync<NpgsqlException>(() => connection.OpenAsync());

        Assert.Contains(Chain(error), e => e is SocketException);
        Assert.True(DatabaseOutage.Is(error));
    }

    [Fact]
    public async Task Given_a_backend_terminated_by_an_administrator_when_it_is_used_then_it_is_an_outage()
    {
        await using var victim = new NpgsqlConnection(Unpooled());
        await victim.OpenAsync();
        await using (var admin = new NpgsqlConnection(Unpooled()))
        {
            await admin.OpenAsync();
            await using var terminate = new NpgsqlCommand($"SELECT pg_terminate_backend({victim.ProcessID})", admin);
            await terminate.ExecuteScalarAsync();
        }

        var error = await Assert.ThrowsAnyAsync<NpgsqlException>(async () =>
        {
            await using var command = new NpgsqlCommand("SELECT 1", victim);
            await command.ExecuteScalarAsync();
        });

        Assert.True(DatabaseOutage.Is(error), $"{error.GetType().Name}: {error.Message}");
    }

    [Fact]
    public async Task Given_a_database_that_takes_no_more_connections_when_connecting_then_53300_is_an_outage()
    {
        await using var outage = await RefusingDatabase.BeginAsync(factory.Database.Name);
        await using var connection = new NpgsqlConnection(Unpooled());

        var error = await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync());

        Assert.Equal(PostgresErrorCodes.TooManyConnections, error.SqlState);
        Assert.True(DatabaseOutage.Is(error));
    }

    [Theory]
    [InlineData("SELECT 1/0")]                                              // 22012: our bug, not an outage
    [InlineData("SELECT * FROM no_such_table")]                             // 42P01
    [InlineData("CREATE TEMP TABLE t(i int primary key); INSERT INTO t VALUES (1), (1)")] // 23505
    public async Task Given_an_error_the_server_answered_with_when_classified_then_it_is_not_an_outage(string sql)
    {
        await using var connection = new NpgsqlConnection(Unpooled());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);

        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.False(DatabaseOutage.Is(error));
        Assert.False(DatabaseOutage.Is(new InvalidOperationException("wrapped", error)));
    }

    [Fact]
    public async Task Given_a_missing_database_when_connecting_then_it_is_misconfiguration_not_an_outage()
    {
        var builder = new NpgsqlConnectionStringBuilder(Unpooled()) { Database = "gr_test_no_such_database" };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);

        var error = await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync());

        Assert.Equal(PostgresErrorCodes.InvalidCatalogName, error.SqlState);
        Assert.False(DatabaseOutage.Is(error));
    }

    [Fact]
    public async Task Given_the_database_refusing_connections_when_clients_read_and_write_then_they_get_503_with_retry_after_and_a_retried_write_lands_once()
    {
        var reporter = factory.ClientAs(Roles.Reporter, Commune);
        HttpRequestMessage Submit()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, ReportRequests.PathOf(Commune, "2022-03", "submit"))
            {
                Content = JsonContent.Create(ReportRequests.Figures((Forest, 12m))),
            };
            request.Headers.Add("Idempotency-Key", "outage-2022-03");
            return request;
        }
        var before = await factory.EventCountAsync();

        await using (await RefusingDatabase.BeginAsync(factory.Database.Name))
        {
            foreach (var response in new[]
                     {
                         await reporter.SendAsync(Submit()),
                         await reporter.GetAsync(ReportRequests.PathOf(Commune, "2022-03")),
                         await reporter.GetAsync("/api/units"),
                     })
            {
                await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, DatabaseOutage.Code);
                Assert.Equal(TimeSpan.FromSeconds(DatabaseOutage.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
            }
            var ready = await factory.CreateClient().GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/health/live")).StatusCode);
        }

        var retried = await reporter.SendAsync(Submit());
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var again = await reporter.SendAsync(Submit());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(before + 1, await factory.EventCountAsync());
    }

    private string Unpooled() =>
        new NpgsqlConnectionStringBuilder(factory.Database.ConnectionString) { Pooling = false }.ConnectionString;

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException) yield return e;
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port; // closed again when disposed
    }
}
