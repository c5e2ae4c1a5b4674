using System.Text.Json;
using Microsoft.Playwright;

namespace GovReport.Host.Tests.Browser;

/// <summary>What browser tests do again and again: sign in, take screenshots, check accessibility, weigh a load.</summary>
public static class BrowserSteps
{
    public const string SessionCookie = "govreport.session";

    /// <summary>Signs in through the sign-in page the way a person does, by the labels UI.md names.</summary>
    public static async Task SignInAsync(IPage page, string username, string password)
    {
        if (!page.Url.Contains("/dang-nhap", StringComparison.Ordinal)) await page.GotoAsync("/dang-nhap");
        await page.GetByLabel("Tên đăng nhập").FillAsync(username);
        await page.GetByLabel("Mật khẩu").FillAsync(password);
        // Wait for the answer to the form itself, then, when it signed in, for the page it sends
        // the browser on to: the load state alone is already met by the sign-in page while the
        // answer is on its way. A minute, not the default 30 s: on CI three test assemblies share
        // two cores with four browsers, and one sign-in once needed longer.
        var answer = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.Contains("/dang-nhap", StringComparison.Ordinal),
            new() { Timeout = 60_000 });
        if (answer.Status == 302)
            await page.WaitForURLAsync(url => !url.Contains("/dang-nhap", StringComparison.Ordinal),
                new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 });
        else
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    public static async Task<bool> HasSessionAsync(IPage page) =>
        (await page.Context.CookiesAsync()).Any(c => c.Name == SessionCookie);

    /// <summary>
    /// Full-page screenshots at a desktop and a phone width, as
    /// <c>benchmark-results/screenshots/{name}-{1280|360}.png</c> (git ignores the folder), for a reviewer.
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(RepoRoot, "benchmark-results", "screenshots");
        Directory.CreateDirectory(folder);
        var before = page.ViewportSize;
        foreach (var width in new[] { 1280, 360 })
        {
            await page.SetViewportSizeAsync(width, 800);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{width}.png"), FullPage = true });
        }
        if (before is not null) await page.SetViewportSizeAsync(before.Width, before.Height);
    }

    /// <summary>
    /// Runs axe-core (pinned in tests/Host.Tests/Browser/package.json; ops/test runs npm ci) on the
    /// page and returns the serious and critical violations, each as "rule: help (selectors)".
    /// </summary>
    public static async Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Path = AxePath });
        var json = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.id + ': ' + v.help + ' (' + v.nodes.map(n => n.target.join(' ')).join(', ') + ')');
            }
            """);
        return json.EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    /// <summary>Bytes transferred (headers and encoded bodies) for everything a fresh page load fetches.</summary>
    public static async Task<long> TransferredBytesAsync(IPage page, string path)
    {
        var finished = new List<IRequest>();
        page.RequestFinished += (_, request) => { lock (finished) finished.Add(request); };
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        long total = 0;
        foreach (var request in finished.ToList())
        {
            var sizes = await request.SizesAsync();
            total += sizes.ResponseHeadersSize + sizes.ResponseBodySize;
        }
        return total;
    }

    public static string AxePath => Path.Combine(RepoRoot, "tests", "Host.Tests", "Browser", "node_modules", "axe-core", "axe.min.js");

    public static string RepoRoot { get; } = FindRepoRoot();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GovReport.sln"))) return dir.FullName;
        throw new InvalidOperationException("GovReport.sln not found above " + AppContext.BaseDirectory);
    }
}
