using GovReport.Host.Infrastructure.Auth;

namespace GovReport.Host.Infrastructure.Correlation;

/// <summary>
/// Per-request facts that feature code copies into event metadata: who asked, and the correlation
/// id that ties the request, its trace and its events together. Scoped; filled by
/// <see cref="CorrelationMiddleware"/>.
/// </summary>
public sealed class RequestContext
{
    private HttpContext? _http;
    private CurrentUser? _user;

    public string? CorrelationId { get; private set; }

    /// <summary>The authenticated caller, or null for anonymous requests.</summary>
    public CurrentUser? CurrentUser => _user ??= CurrentUser.FromPrincipal(_http?.User);

    internal void Initialize(HttpContext http, string correlationId)
    {
        _http = http;
        CorrelationId = correlationId;
    }
}
