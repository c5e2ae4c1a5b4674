using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Auth.Accounts;
using GovReport.Host.Infrastructure.Auth.Oidc;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovReport.Host.Features.Web.Pages;

/// <summary>
/// Đăng nhập: a name and password become a session cookie carrying the token's claims. Every
/// refusal reads the same, so the page never tells whether a name exists. Where an organisation's
/// identity provider is configured, a second button signs in through it instead.
/// </summary>
[AllowAnonymous]
public sealed class DangNhapModel(AccountSignIn signIn, IAuthenticationSchemeProvider schemes) : PageModel
{
    public const string OrganisationButton = "Dùng tài khoản tổ chức";
    public const string OrganisationRefused =
        "Tài khoản tổ chức của bạn chưa được cấp vai trò nào trong hệ thống báo cáo, nên chưa thể đăng nhập. Hãy liên hệ quản trị viên để được cấp quyền.";
    public const string OrganisationFailed =
        "Không đăng nhập được bằng tài khoản tổ chức. Vui lòng thử lại, hoặc dùng tên đăng nhập và mật khẩu.";

    public const string WrongCredentials = "Tên đăng nhập hoặc mật khẩu không đúng.";
    public const string LockedOut =
        "Tài khoản tạm thời bị khóa vì đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.";

    // Anything longer than the rules allow is refused unread.
    private const int MaxTyped = 256;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Username { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    /// <summary>Set by the return from the provider: <c>tu-choi</c> (no mapped role) or <c>loi</c> (the sign-in failed).</summary>
    [BindProperty(SupportsGet = true, Name = "to-chuc")]
    public string? Organisation { get; set; }

    public string? Message { get; private set; }

    /// <summary>True only when Auth:Oidc is configured (the scheme exists only then).</summary>
    public bool OffersOrganisation { get; private set; }

    public async Task OnGetAsync()
    {
        OffersOrganisation = await OrganisationSchemeAsync();
        // A refusal is an answer about access: 403, so a script sees it as one too.
        if (Organisation == "tu-choi") (Message, Response.StatusCode) = (OrganisationRefused, StatusCodes.Status403Forbidden);
        else if (Organisation == "loi") Message = OrganisationFailed;
    }

    /// <summary>Sends the browser to the provider (authorization code with PKCE); it returns to /signin-oidc.</summary>
    public async Task<IActionResult> OnPostToChucAsync()
    {
        if (!await OrganisationSchemeAsync()) return NotFound();
        return Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl() }, OidcOptions.Scheme);
    }

    private async Task<bool> OrganisationSchemeAsync() => await schemes.GetSchemeAsync(OidcOptions.Scheme) is not null;

    // Only a path on this site: never an open redirect to somewhere else.
    private string SafeReturnUrl() => ReturnUrl is { Length: <= 2048 } r && Url.IsLocalUrl(r) ? r : "/";

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = Username is { Length: <= MaxTyped } && Password is { Length: <= MaxTyped }
            ? await signIn.SignInAsync(Username, Password, ct)
            : new Infrastructure.Auth.Accounts.SignInResult(SignInOutcome.Refused);
        Password = null;
        if (result is { Outcome: SignInOutcome.SignedIn, Account: { } account })
        {
            await HttpContext.SignInAsync(WebSignIn.CookieScheme, AccountSession.PrincipalFor(account, WebSignIn.CookieScheme));
            return LocalRedirect(SafeReturnUrl());
        }
        OffersOrganisation = await OrganisationSchemeAsync();
        Message = result.Outcome == SignInOutcome.LockedOut ? LockedOut : WrongCredentials;
        return Page();
    }
}
