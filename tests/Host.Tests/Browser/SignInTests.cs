using System.Net;
using GovReport.Host.Features.Accounts;
using GovReport.Host.Features.Seed;
using GovReport.Host.Features.Web.Pages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GovReport.Host.Tests.Browser;

/// <summary>Sign-in, sign-out and sessions in a real browser, by the names UI.md gives.</summary>
public partial class SignInTests(BrowserHostFactory host) : IClassFixture<BrowserHostFactory>
{
    private const string Password = DemoAccounts.Password;

    [Fact]
    public async Task A_visitor_is_sent_to_the_sign_in_page_which_passes_the_accessibility_check()
    {
        var page = await host.NewPageAsync();

        await page.GotoAsync("/");

        Assert.EndsWith("/dang-nhap?ReturnUrl=%2F", page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đăng nhập" })).ToBeVisibleAsync();
        Assert.Empty(await BrowserSteps.SeriousAccessibilityViolationsAsync(page));
        await BrowserSteps.ScreenshotAsync(page, "dang-nhap");
    }

    [Fact]
    public async Task A_clerk_signs_in_sees_the_start_page_and_signs_out()
    {
        var page = await host.NewPageAsync();

        // The ward's clerk: Nông Thượng's clerk files nothing after the 2025 reform merged it into the ward.
        await BrowserSteps.SignInAsync(page, DemoAccounts.WardClerk, Password);

        Assert.Equal(host.BaseUrl + "/", page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Xin chào, Lý Thị Thu" })).ToBeVisibleAsync();
        var report = page.GetByRole(AriaRole.Link, new() { NameRegex = new("^Báo cáo tháng .* — Phường Bắc Kạn$") });
        Assert.Matches(@"^/bao-cao/phuong-bac-kan/\d{4}-\d{2}$", await report.GetAttributeAsync("href"));
        Assert.Empty(await BrowserSteps.SeriousAccessibilityViolationsAsync(page));
        await BrowserSteps.ScreenshotAsync(page, "trang-chu");

        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();

        await page.WaitForURLAsync("**/dang-nhap");
        Assert.False(await BrowserSteps.HasSessionAsync(page));
        await page.GotoAsync("/");
        Assert.Contains("/dang-nhap", page.Url);
    }

    [Fact]
    public async Task A_wrong_password_shows_a_message_and_gives_no_session()
    {
        var page = await host.NewPageAsync();

        await BrowserSteps.SignInAsync(page, DemoAccounts.Approver, "not-the-password");

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(DangNhapModel.WrongCredentials);
        Assert.False(await BrowserSteps.HasSessionAsync(page));
        await page.GotoAsync("/");
        Assert.Contains("/dang-nhap", page.Url);
    }

    [Fact]
    public async Task Five_failures_lock_a_name_and_an_unknown_name_reads_the_same()
    {
        await AddAsync("khoa.thu", "mat-khau-dung-1", "reporter", "xa-duong-quang");
        var page = await host.NewPageAsync();

        foreach (var name in new[] { "khoa.thu", "khong.ton.tai" })
        {
            for (var i = 1; i <= 4; i++)
            {
                await BrowserSteps.SignInAsync(page, name, "sai-mat-khau-" + i);
                await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(DangNhapModel.WrongCredentials);
            }
            await BrowserSteps.SignInAsync(page, name, "sai-mat-khau-5");
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(DangNhapModel.LockedOut);
        }

        // Locked: even the right password is refused, with the same words.
        await BrowserSteps.SignInAsync(page, "khoa.thu", "mat-khau-dung-1");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(DangNhapModel.LockedOut);
        Assert.False(await BrowserSteps.HasSessionAsync(page));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        using var client = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Username"] = DemoAccounts.Clerk,
            ["Password"] = Password,
        });

        var response = await client.PostAsync("/dang-nhap", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [],
            c => c.StartsWith(BrowserSteps.SessionCookie, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_return_url_is_followed_only_within_the_site()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/dang-nhap?ReturnUrl=" + Uri.EscapeDataString("https://example.org/"));

        await BrowserSteps.SignInAsync(page, DemoAccounts.Auditor, Password);

        Assert.Equal(host.BaseUrl + "/", page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Lịch sử số liệu (kiểm toán)" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_first_load_of_the_sign_in_page_transfers_at_most_300_KB()
    {
        var page = await host.NewPageAsync();

        var bytes = await BrowserSteps.TransferredBytesAsync(page, "/dang-nhap");

        Assert.InRange(bytes, 1, 300 * 1024);
    }

    private async Task AddAsync(string username, string password, string role, string unit)
    {
        var exit = await UserVerb.RunAsync(["add", "--username", username, "--password", password, "--role", role, "--unit", unit],
            host.Services, TextWriter.Null, TextWriter.Null, CancellationToken.None);
        Assert.Equal(0, exit);
    }
}
