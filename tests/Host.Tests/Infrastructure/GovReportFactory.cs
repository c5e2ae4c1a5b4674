using System.Net.Http.Headers;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GovReport.Host.Tests.Infrastructure;

/// <summary>
/// The real host in Development against a fresh PostgreSQL database of its own. Use it as an
/// <c>IClassFixture&lt;GovReportFactory&gt;</c> (one database per test class); subclass it and
/// override <see cref="ConfigureSettings"/> or <see cref="ConfigureServices"/> for a variant.
/// </summary>
public class GovReportFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _database;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("InitializeAsync has not run.");

    public AuthOptions AuthOptions => Services.GetRequiredService<IOptions<AuthOptions>>().Value;

    public virtual async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("host" + GetType().Name);
        await PrepareDatabaseAsync(_database);
    }

    /// <summary>Runs once the database exists and before the host first starts (e.g. to create roles).</summary>
    protected virtual Task PrepareDatabaseAsync(TestDatabase database) => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
        await CleanUpAsync();
    }

    /// <summary>The database the host runs against; a variant with a server of its own overrides it.</summary>
    protected virtual string ConnectionString => Database.ConnectionString;
    /// <summary>Runs after the database is dropped.</summary>
    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    /// <summary>The host environment; Development unless a variant says otherwise.</summary>
    protected virtual string EnvironmentName => "Development";

    /// <summary>Configuration on top of appsettings(.Development).json and the environment.</summary>
    protected virtual void ConfigureSettings(IDictionary<string, string?> settings) { }

    /// <summary>Runs after the host's own registrations, so it may replace them or add an <c>IApiModule</c>.</summary>
    protected virtual void ConfigureServices(IServiceCollection services) { }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:GovReport"] = ConnectionString,
            // Tests share one partition (no remote address); the limiter has its own test.
            ["RateLimit:PermitLimit"] = "100000",
            ["RateLimit:TokensPerPeriod"] = "100000",
            // The summary scheduler appends on its own; tests that want it drive it by hand.
            ["Summaries:Enabled"] = "false",
            // Durable messaging (Wolverine's tables, the DHIS2 relay, reminders) only where a test turns it on.
            ["Messaging:Enabled"] = "false",
        };
        ConfigureSettings(settings);
        builder.UseEnvironment(EnvironmentName);
        // Read while registering (Wolverine's persistence adds services), so it must be host configuration.
        builder.UseSetting("Messaging:Enabled", settings["Messaging:Enabled"]);
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
        builder.ConfigureTestServices(ConfigureServices);
    }

    public string CreateToken(IEnumerable<string> roles, IEnumerable<string> units, string? subject = null, TimeSpan? lifetime = null)
    {
        var roleList = roles.ToList();
        return TokenIssuer.Create(AuthOptions, subject ?? $"test-{string.Join('-', roleList)}", roleList, units,
            DateTimeOffset.UtcNow, lifetime);
    }

    /// <summary>A client whose requests carry a bearer token with this role and these units.</summary>
    public HttpClient CreateClient(string role, params string[] units) => CreateClient([role], units);

    public HttpClient CreateClient(IEnumerable<string> roles, IEnumerable<string> units, string? subject = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", CreateToken(roles, units, subject));
        return client;
    }
}
