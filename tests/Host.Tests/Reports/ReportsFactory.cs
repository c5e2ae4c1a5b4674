using System.Net.Http.Headers;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Infrastructure;
using GovReport.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace GovReport.Host.Tests.Reports;

/// <summary>
/// The host with a hand-moved clock (deadlines, future months and asOf depend on it) and the
/// catalogue of <see cref="ReportTestData"/> seeded once per test class.
/// </summary>
public class ReportsFactory : GovReportFactory
{
    // Tokens are checked against the host's clock, so they must be valid across every instant a test moves it to.
    private static readonly DateTimeOffset TokenIssuedAt = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromDays(365 * 50);

    public ManualClock Clock { get; } = new(ReportTestData.Today);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ReportTestData.SeedAsync(this);
    }

    // The clock jumps years between tests, so tokens here outlive the 12 h cap a real deployment keeps.
    protected override void ConfigureSettings(IDictionary<string, string?> settings) =>
        settings["Auth:MaxTokenLifetime"] = (TokenLifetime + TimeSpan.FromDays(1)).ToString();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(Clock);
    }

    /// <summary>A client for this role and these units; <paramref name="role"/> null means no token at all.</summary>
    public HttpClient ClientAs(string? role, params string[] units)
    {
        var client = CreateClient();
        if (role is null) return client;
        var token = TokenIssuer.Create(AuthOptions, $"{role}-{string.Join('-', units)}", [role], units, TokenIssuedAt, TokenLifetime);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A client whose token names this subject, so two tokens can share one account or tell accounts apart.</summary>
    public HttpClient ClientFor(string subject, string[] roles, params string[] units)
    {
        var client = CreateClient();
        var token = TokenIssuer.Create(AuthOptions, subject, roles, units, TokenIssuedAt, TokenLifetime);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// A client for the web pages: it keeps cookies (the antiforgery one) and leaves redirects to
    /// the caller, because HttpClient drops the bearer header when it follows one itself.
    /// </summary>
    public HttpClient PageClientFor(string subject, string[] roles, params string[] units)
    {
        var client = CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = TokenIssuer.Create(AuthOptions, subject, roles, units, TokenIssuedAt, TokenLifetime);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient PageClientAs(string role, params string[] units) => PageClientFor($"{role}-{string.Join('-', units)}", [role], units);

    public async Task<long> EventCountAsync()
    {
        await using var command = Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("SELECT count(*) FROM es.events");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
