namespace GovReport.Host.Features.Audit;

/// <summary>
/// <c>Audit:*</c>: how long an on-demand verify answer is served from cache, and how old it must be
/// before a caller may ask for a fresh run. Verify replays the whole log, so without both a few
/// callers could keep a host's database busy.
/// </summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    public TimeSpan VerifyCacheFor { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A <c>?fresh=true</c> call runs verify again only when the cached answer is at least this old.</summary>
    public TimeSpan VerifyFreshAfter { get; set; } = TimeSpan.FromMinutes(1);
}
