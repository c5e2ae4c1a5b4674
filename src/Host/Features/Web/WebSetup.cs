using System.Text.Encodings.Web;
using System.Text.Unicode;
using GovReport.Host.Infrastructure.Auth;

namespace GovReport.Host.Features.Web;

/// <summary>
/// The web application: Razor Pages rendered on the server, in Vietnamese, under the same origin
/// as the API. Every task works without JavaScript; every form carries an antiforgery token
/// (Razor Pages checks it on every POST). Assets ship with the host (wwwroot), never from a CDN.
/// </summary>
internal static class WebSetup
{
    public const string PagesRoot = "/Features/Web/Pages";

    public static IServiceCollection AddGovReportWeb(this IServiceCollection services)
    {
        services.AddRazorPages(o => o.RootDirectory = PagesRoot);
        services.AddScoped<Dashboard.DashboardLoader>();
        services.AddScoped<Dashboard.DashboardTimings>();
        // Vietnamese is written as itself, not as numeric entities: a third of the page's bytes, and
        // unreadable in "view source". Encoding for HTML still escapes what must be escaped.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "govreport.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }

    /// <summary>Static assets come before authentication: the sign-in page's stylesheet needs no session.</summary>
    public static WebApplication UseGovReportWebAssets(this WebApplication app)
    {
        app.UseStaticFiles();
        return app;
    }

    public static WebApplication MapGovReportWeb(this WebApplication app)
    {
        app.MapRazorPages();
        return app;
    }
}
