using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Auth.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovReport.Host.Features.Web.Pages;

/// <summary>
/// Đăng nhập: a name and password become a session cookie carrying the token's claims. Every
/// refusal reads the same, so the page never tells whether a name exists.
/// </summary>
[AllowAnonymous]
public sealed class DangNhapModel(AccountSignIn signIn) : PageModel
{
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

    public string? Message { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = Username is { Length: <= MaxTyped } && Password is { Length: <= MaxTyped }
            ? await signIn.SignInAsync(Username, Password, ct)
            : new Infrastructure.Auth.Accounts.SignInResult(SignInOutcome.Refused);
        Password = null;
        if (result is { Outcome: SignInOutcome.SignedIn, Account: { } account })
        {
            await HttpContext.SignInAsync(WebSignIn.CookieScheme, AccountSession.PrincipalFor(account, WebSignIn.CookieScheme));
            // Only a path on this site: never an open redirect to somewhere else.
            return LocalRedirect(ReturnUrl is { Length: <= 2048 } r && Url.IsLocalUrl(r) ? r : "/");
        }
        Message = result.Outcome == SignInOutcome.LockedOut ? LockedOut : WrongCredentials;
        return Page();
    }
}
