using GovReport.Host.Features.Seed;
using GovReport.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GovReport.Host.Tests.Browser;

/// <summary>
/// The real host on a loopback port (Kestrel, not the in-memory test server: a browser needs a
/// socket), its own database loaded with the demo (units, reports and the demo accounts), and one
/// headless Debian chromium shared by the test class. Use as an <c>IClassFixture</c>; open a fresh
/// context per test with <see cref="NewPageAsync"/> so sessions never leak between tests.
/// </summary>
public class BrowserHostFactory : GovReportFactory
{
    /// <summary>Debian's chromium: Playwright's own browser download cannot work here (ops/test installs this).</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("InitializeAsync has not run.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = address.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").TrimEnd('/');
        await SeedAsync(Services);

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Tests run as root in CI, where chromium's sandbox cannot start.
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>What the database holds before the first test: the demo, unless a variant says otherwise.</summary>
    protected virtual Task SeedAsync(IServiceProvider services) => DemoSeed.RunAsync(services, CancellationToken.None);

    /// <summary>A new browser context (no cookies) at this width, with the host as its base address.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            Locale = "vi-VN",
        });
        return await context.NewPageAsync();
    }

    protected override async Task CleanUpAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
