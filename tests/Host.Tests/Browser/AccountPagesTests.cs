using System.Net;
using System.Net.Http.Headers;
using GovReport.Host.Features.Accounts;
using GovReport.Host.Features.Seed;
using GovReport.Host.Infrastructure.Auth.Accounts;
using GovReport.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npgsql;

namespace GovReport.Host.Tests.Browser;

/// <summary>Accounts made by the verb, sessions that follow the account, the token and admin pages (same host and browser).</summary>
public partial class SignInTests
{
    private Task<int> UserAsync(params string[] args) =>
        UserVerb.RunAsync(args, host.Services, TextWriter.Null, TextWriter.Null, CancellationToken.None);

    [Fact]
    public async Task The_user_add_verb_creates_an_account_that_then_signs_in()
    {
        var exit = await UserAsync("add", "--username", "can-bo.moi", "--password", "mat-khau-moi-1",
            "--role", "reporter", "--unit", "xa-phong-quang", "--name", "Phạm Văn Mới");
        Assert.Equal(0, exit);
        var page = await host.NewPageAsync(360);

        await BrowserSteps.SignInAsync(page, "can-bo.moi", "mat-khau-moi-1");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Xin chào, Phạm Văn Mới" })).ToBeVisibleAsync();
        // Xã Phong Quang: a commune the 2025 reform made, so the demo has it filing this month.
        Assert.Matches(@"^/bao-cao/xa-phong-quang/\d{4}-\d{2}$",
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new("Xã Phong Quang$") }).First.GetAttributeAsync("href"));
    }

    [Theory]
    [InlineData(1, "add", "--username", "sai.vai-tro", "--password", "mat-khau-dai-1", "--role", "mayor")]
    [InlineData(1, "add", "--username", "sai.don-vi", "--password", "mat-khau-dai-1", "--role", "reporter", "--unit", "xa-khong-co")]
    [InlineData(1, "add", "--username", "Sai Ten", "--password", "mat-khau-dai-1", "--role", "reporter")]
    [InlineData(1, "add", "--username", "mat-khau.ngan", "--password", "ngan", "--role", "reporter")]
    [InlineData(2, "add", "--username", "thieu.mat-khau", "--role", "reporter")]
    [InlineData(2, "remove", "--username", "ai.do")]
    public async Task The_user_add_verb_refuses_bad_input_and_creates_nothing(int expectedExit, params string[] args)
    {
        var stderr = new StringWriter();

        var exit = await UserVerb.RunAsync(args, host.Services, TextWriter.Null, stderr, CancellationToken.None);

        Assert.Equal(expectedExit, exit);
        Assert.NotEmpty(stderr.ToString());
        var username = args[Array.IndexOf(args, "--username") + 1];
        Assert.Null(await host.Services.GetRequiredService<AccountDirectory>().FindAsync(username));
    }

    [Fact]
    public async Task Changed_roles_apply_on_the_next_request_and_a_disabled_account_loses_its_session()
    {
        Assert.Equal(0, await UserAsync("add", "--username", "doi.quyen", "--password", "mat-khau-doi-1", "--role", "reporter", "--unit", "phuong-song-cau"));
        var page = await host.NewPageAsync();
        await BrowserSteps.SignInAsync(page, "doi.quyen", "mat-khau-doi-1");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Báo cáo chờ duyệt" })).ToHaveCountAsync(0);

        // Roles replaced without touching the password: the session stays and carries the new roles.
        var writer = host.Services.GetRequiredService<AccountWriter>();
        Assert.Null(await writer.SetUpAsync(new AccountRequest("doi.quyen", null, ["approver"], ["bac-kan"], null), "test", CancellationToken.None));
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Báo cáo chờ duyệt" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new("^Báo cáo tháng") })).ToHaveCountAsync(0);

        Assert.Equal(0, await UserAsync("disable", "--username", "doi.quyen"));
        await page.ReloadAsync();

        Assert.Contains("/dang-nhap", page.Url);
        await BrowserSteps.SignInAsync(page, "doi.quyen", "mat-khau-doi-1");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(Features.Web.Pages.DangNhapModel.WrongCredentials);
    }

    [Fact]
    public async Task A_password_reset_ends_the_sessions_signed_in_with_the_old_one()
    {
        Assert.Equal(0, await UserAsync("add", "--username", "doi.mat-khau", "--password", "mat-khau-cu-1", "--role", "auditor"));
        var page = await host.NewPageAsync();
        await BrowserSteps.SignInAsync(page, "doi.mat-khau", "mat-khau-cu-1");
        Assert.Equal(host.BaseUrl + "/", page.Url);

        Assert.Equal(0, await UserAsync("add", "--username", "doi.mat-khau", "--password", "mat-khau-moi-2", "--role", "auditor"));
        await page.ReloadAsync();

        Assert.Contains("/dang-nhap", page.Url);
    }

    [Fact]
    public async Task A_signed_in_user_creates_a_personal_api_token_carrying_their_own_rights()
    {
        var page = await host.NewPageAsync();
        await BrowserSteps.SignInAsync(page, DemoAccounts.Clerk, DemoAccounts.Password);
        await page.GotoAsync("/tai-khoan");

        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo mã truy cập" }).ClickAsync();

        var token = await page.GetByLabel("Mã truy cập mới").InputValueAsync();
        Assert.Empty(await BrowserSteps.SeriousAccessibilityViolationsAsync(page));
        using var api = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/units/xa-nong-thuong/reports/2022-08")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/units/xa-duong-quang/reports/2022-08")).StatusCode);
    }

    [Fact]
    public async Task Admins_see_every_account_and_others_are_refused()
    {
        var admin = await host.NewPageAsync();
        await BrowserSteps.SignInAsync(admin, DemoAccounts.Admin, DemoAccounts.Password);
        await admin.GotoAsync("/quan-tri/tai-khoan");
        await Assertions.Expect(admin.GetByRole(AriaRole.Cell, new() { Name = DemoAccounts.Clerk, Exact = true })).ToBeVisibleAsync();
        Assert.Empty(await BrowserSteps.SeriousAccessibilityViolationsAsync(admin));
        await BrowserSteps.ScreenshotAsync(admin, "quan-tri-tai-khoan");

        var clerk = await host.NewPageAsync();
        await BrowserSteps.SignInAsync(clerk, DemoAccounts.Clerk, DemoAccounts.Password);
        var response = await clerk.GotoAsync("/quan-tri/tai-khoan");
        Assert.Equal(403, response!.Status);
    }

    [Fact]
    public async Task A_lock_lasts_fifteen_minutes()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var dataSource = NpgsqlDataSource.Create(host.Database.ConnectionString);
        var lockout = new SignInLockout(dataSource, clock);

        for (var i = 1; i < SignInLockout.MaxFailures; i++) Assert.False(await lockout.RecordFailureAsync("het.han"));
        Assert.True(await lockout.RecordFailureAsync("het.han"));
        clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        Assert.True(await lockout.IsLockedAsync("het.han"));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False(await lockout.IsLockedAsync("het.han"));
        // The count starts again: one more failure does not lock.
        Assert.False(await lockout.RecordFailureAsync("het.han"));
    }
}
