using System.Net;
using System.Net.Http.Json;
using GovReport.Host.Infrastructure.Http;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GovReport.Host.Tests.Faults;

/// <summary>
/// The database goes away while a write with an Idempotency-Key runs, so its key can be neither
/// released nor given its answer. The retry must not be told "still running" for minutes: it
/// runs again when nothing was answered, and gets the first answer when one was.
/// </summary>
public sealed class OutageMidRequestTests(OutageMidRequestTests.Factory factory) : IClassFixture<OutageMidRequestTests.Factory>
{
    [Fact]
    public async Task Given_a_write_cut_off_by_the_outage_when_retried_with_its_key_then_it_runs_again_at_once()
    {
        var client = factory.CreateClient(Roles.Reporter);
        HttpRequestMessage Write() => Keyed(HttpMethod.Post, "/api/test/outage/cut-off", "cut-off-1");

        var first = await client.SendAsync(Write());
        await ProblemAssert.IsProblemAsync(first, HttpStatusCode.ServiceUnavailable, DatabaseOutage.Code);
        await factory.Outage!.DisposeAsync();

        var retried = await client.SendAsync(Write());

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(2, factory.Module.CutOffRuns);
    }

    [Fact]
    public async Task Given_a_write_answered_as_the_database_went_away_when_retried_with_its_key_then_it_gets_the_first_answer()
    {
        var client = factory.CreateClient(Roles.Reporter);
        HttpRequestMessage Write() => Keyed(HttpMethod.Post, "/api/test/outage/answered", "answered-1");

        var first = await client.SendAsync(Write());
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await factory.Outage!.DisposeAsync();

        var retried = await client.SendAsync(Write());

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal("true", retried.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retried.Content.ReadAsStringAsync());
        Assert.Equal(1, factory.Module.AnsweredRuns);
    }

    private static HttpRequestMessage Keyed(HttpMethod method, string path, string key)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(new { }) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    public sealed class Factory : GovReportFactory
    {
        public OutageModule Module { get; } = new();

        public RefusingDatabase? Outage => Module.Outage;

        protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IApiModule>(Module);
    }

    /// <summary>Writes that take the database away part-way, once each.</summary>
    public sealed class OutageModule : IApiModule
    {
        public RefusingDatabase? Outage { get; private set; }
        public int CutOffRuns;
        public int AnsweredRuns;

        public void Map(RouteGroupBuilder api)
        {
            var outage = api.MapGroup("/test/outage");
            // The database goes before the write reaches it: nothing committed, no answer.
            outage.MapPost("/cut-off", async (NpgsqlDataSource dataSource) =>
            {
                if (Interlocked.Increment(ref CutOffRuns) == 1) Outage = await RefusingDatabase.BeginAsync(DatabaseOf(dataSource));
                await using var command = dataSource.CreateCommand("SELECT 1");
                await command.ExecuteScalarAsync();
                return TypedResults.Ok(new { run = CutOffRuns });
            });
            // The write is done and answered; the database goes before the answer is stored.
            outage.MapPost("/answered", async (NpgsqlDataSource dataSource) =>
            {
                var run = Interlocked.Increment(ref AnsweredRuns);
                if (run == 1) Outage = await RefusingDatabase.BeginAsync(DatabaseOf(dataSource));
                return TypedResults.Ok(new { run });
            });
        }

        private static string DatabaseOf(NpgsqlDataSource dataSource) =>
            new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).Database!;
    }
}
