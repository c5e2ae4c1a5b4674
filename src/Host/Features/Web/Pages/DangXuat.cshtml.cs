using GovReport.Host.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovReport.Host.Features.Web.Pages;

/// <summary>Đăng xuất: a POST (with its antiforgery token) ends the session and returns to the sign-in page.</summary>
public sealed class DangXuatModel : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(WebSignIn.CookieScheme);
        return Redirect(WebSignIn.LoginPath);
    }
}
