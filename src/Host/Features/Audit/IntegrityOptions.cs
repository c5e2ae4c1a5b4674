using System.Text;

namespace GovReport.Host.Features.Audit;

/// <summary>
/// <c>Integrity:*</c>: the key that signs exported chain heads and the daily checkpoint, and where
/// that checkpoint goes. Neither should be reachable by the database's roles.
/// </summary>
public sealed class IntegrityOptions
{
    public const string Section = "Integrity";

    /// <summary>HMAC key (UTF-8, at least 32 bytes). When set, heads are never exported or trusted unsigned.</summary>
    public string? HeadsKey { get; set; }

    /// <summary>A JSON-lines file the daily checkpoint appends to; unset, no checkpoint is written.</summary>
    public string? CheckpointPath { get; set; }

    /// <summary>How often the leader looks whether today's checkpoint is written yet.</summary>
    public TimeSpan CheckpointPollInterval { get; set; } = TimeSpan.FromMinutes(15);

    public byte[]? KeyBytes => string.IsNullOrEmpty(HeadsKey) ? null : Encoding.UTF8.GetBytes(HeadsKey);
}
