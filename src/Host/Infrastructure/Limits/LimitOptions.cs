namespace GovReport.Host.Infrastructure.Limits;

/// <summary>Request size limits, bound from the <c>Limits</c> section.</summary>
public sealed class LimitOptions
{
    public const string Section = "Limits";

    /// <summary>Applies to every request unless the endpoint carries its own <c>IRequestSizeLimitMetadata</c>.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}

/// <summary>Per-caller token bucket, bound from the <c>RateLimit</c> section.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimit";

    /// <summary>Bucket size: the burst a caller may send at once.</summary>
    public int PermitLimit { get; set; } = 600;

    /// <summary>Tokens added back every <see cref="Period"/>.</summary>
    public int TokensPerPeriod { get; set; } = 600;

    public TimeSpan Period { get; set; } = TimeSpan.FromMinutes(1);
}
