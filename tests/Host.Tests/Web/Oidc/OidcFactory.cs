using GovReport.Domain;
using GovReport.Domain.Catalogue;
using GovReport.EventStore;
using GovReport.Host.Infrastructure.Writes;
using GovReport.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GovReport.Host.Tests.Web.Oidc;

/// <summary>
/// The host with Auth:Oidc pointing at a <see cref="TestOidcProvider"/> on loopback, and two
/// communes: the provider's "department" claim names one of them.
/// </summary>
public sealed class OidcFactory : GovReportFactory
{
    public const string OwnUnit = "xa-mot";
    public const string OtherUnit = "xa-hai";
    public const string ReporterGroup = "gr-govreport-bao-cao";
    public const string OwnDepartment = "ubnd-xa-mot";
    public const string UnmappedGroup = "gr-ke-toan";
    public const string Forest = "forest-planted";

    public TestOidcProvider Provider { get; } = new();

    public override async Task InitializeAsync()
    {
        // The provider must be listening before the host starts: its settings name the provider's port.
        await Provider.StartAsync();
        await base.InitializeAsync();
        var commands = Services.GetRequiredService<StreamCommands>();
        foreach (var (id, name) in new[] { (OwnUnit, "Xã Một"), (OtherUnit, "Xã Hai") })
        {
            var command = new DefineUnit(new UnitId(id), name, UnitKind.Commune, null, null);
            var outcome = await commands.ExecuteAsync(StreamIds.Unit(command.Id), null, UnitDecider.Decider, command,
                new EventMetadata("test-seed", "test"), CancellationToken.None);
            Assert.True(outcome.Succeeded, outcome.Error?.Message);
        }
        var indicator = new DefineIndicator(new IndicatorCode(Forest), "Trồng rừng", "ha", Aggregation.Sum, Direction.HigherIsBetter, null);
        var defined = await commands.ExecuteAsync(StreamIds.Indicator(indicator.Code), null, IndicatorDecider.Decider, indicator,
            new EventMetadata("test-seed", "test"), CancellationToken.None);
        Assert.True(defined.Succeeded, defined.Error?.Message);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Host settings, because the scheme is registered (or not) while the services are built.
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["Auth:Oidc:Authority"] = Provider.Authority,
            ["Auth:Oidc:ClientId"] = TestOidcProvider.ClientId,
            ["Auth:Oidc:ClientSecret"] = TestOidcProvider.ClientSecret,
            ["Auth:Oidc:RequireHttpsMetadata"] = "false",
            ["Auth:Oidc:RoleClaim"] = "groups",
            ["Auth:Oidc:UnitClaim"] = "department",
            ["Auth:Oidc:Map:0:Value"] = ReporterGroup,
            ["Auth:Oidc:Map:0:Roles:0"] = "reporter",
            ["Auth:Oidc:Map:1:Value"] = OwnDepartment,
            ["Auth:Oidc:Map:1:Units:0"] = OwnUnit,
        })
            builder.UseSetting(key, value);
    }

    protected override Task CleanUpAsync() => Provider.DisposeAsync().AsTask();

    /// <summary>A browser-like client: cookies kept, redirects shown rather than followed, over https as a deployment is.</summary>
    public HttpClient BrowserClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri("https://localhost"),
    });
}
