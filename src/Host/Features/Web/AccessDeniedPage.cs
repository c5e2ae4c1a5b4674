using Microsoft.AspNetCore.Diagnostics;

namespace GovReport.Host.Features.Web;

/// <summary>
/// A signed-in person refused by a policy sees a page in Vietnamese instead of a bare 403, on the
/// same address and still with status 403 (no redirect: the refusal is the answer to what they
/// asked, and a script asking the same gets the same status). The cookie scheme marks the refusal;
/// this runs the pipeline again for <see cref="Path"/> once the refused request has answered.
/// </summary>
internal static class AccessDeniedPage
{
    public const string Path = "/khong-co-quyen";
    private const string Marker = "govreport.access-denied";

    /// <summary>Called by the cookie scheme for a page request it refuses.</summary>
    public static void Mark(HttpContext http)
    {
        http.Items[Marker] = true;
        // The status-code page would otherwise write a problem body first.
        if (http.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
    }

    public static async Task ReExecuteAsync(HttpContext http, RequestDelegate next)
    {
        await next(http);
        if (!http.Items.Remove(Marker) || http.Response.HasStarted) return;

        var (path, query, method) = (http.Request.Path, http.Request.QueryString, http.Request.Method);
        http.SetEndpoint(null);
        http.Request.RouteValues.Clear();
        http.Request.Path = Path;
        http.Request.QueryString = QueryString.Empty;
        http.Request.Method = HttpMethods.Get;
        try
        {
            await next(http);
        }
        finally
        {
            (http.Request.Path, http.Request.QueryString, http.Request.Method) = (path, query, method);
        }
        http.Response.StatusCode = StatusCodes.Status403Forbidden;
    }
}
