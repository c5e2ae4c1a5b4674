using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace GovReport.Host.Infrastructure.Auth;

/// <summary>
/// Which scheme authenticates a request. The API answers bearer tokens only, so a script never
/// gets a login page instead of a 401; the web pages take the sign-in cookie, or a bearer token
/// when one is sent (tests and scripts read pages the way the API is read).
/// </summary>
internal static class WebSignIn
{
    public const string PolicyScheme = "GovReport";
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string LoginPath = "/dang-nhap";
    public const string LogoutPath = "/dang-xuat";
    public const string AccessDeniedPath = "/khong-co-quyen";

    public static string SchemeFor(HttpContext http) =>
        IsApi(http.Request.Path) || HasBearer(http.Request) ? JwtBearerDefaults.AuthenticationScheme : CookieScheme;

    public static bool IsApi(PathString path) => path.StartsWithSegments("/api");

    private static bool HasBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    public static AuthenticationBuilder AddWebSignIn(this AuthenticationBuilder auth) => auth
        .AddPolicyScheme(PolicyScheme, "Bearer token for the API, sign-in cookie for the pages",
            o => o.ForwardDefaultSelector = SchemeFor)
        .AddCookie(CookieScheme, cookie =>
        {
            cookie.LoginPath = LoginPath;
            cookie.LogoutPath = LogoutPath;
            cookie.AccessDeniedPath = AccessDeniedPath;
            cookie.Cookie.Name = "govreport.session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // A working day at the office; the session slides while it is used.
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            // Every request checks the account: disabled, or a new password, ends the session.
            cookie.Events.OnValidatePrincipal = Accounts.AccountSession.ValidateAsync;
            // Only a browser asking for a page is sent to the sign-in page; anything else gets the
            // API's answers, 401 and 403, so a script never follows a redirect to an HTML form.
            cookie.Events.OnRedirectToLogin = context =>
            {
                if (WantsPage(context.Request)) context.Response.Redirect(context.RedirectUri);
                else context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            };
            // A browser refused by a policy is sent to the Vietnamese access-denied page, which itself
            // answers 403; anything else gets the bare 403, as the API answers.
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                if (WantsPage(context.Request))
                {
                    context.Response.Redirect(context.RedirectUri);
                    return Task.CompletedTask;
                }
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

    private static bool WantsPage(HttpRequest request) =>
        request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);
}
