namespace GovReport.Host.Infrastructure.Idempotency;

/// <summary>Settings of the <c>Idempotency</c> section.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>How long a stored answer is replayed; older ones are ignored and purged, and the key may be used afresh.</summary>
    public TimeSpan AnswerLifetime { get; set; } = TimeSpan.FromHours(24);
}
