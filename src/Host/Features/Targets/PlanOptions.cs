using GovReport.Domain.Targets;

namespace GovReport.Host.Features.Targets;

/// <summary>
/// Which plan baseline the deployment treats as official: what a target or comparison without
/// <c>plan=</c> means. Default <c>assigned</c> (chỉ tiêu giao), where every plan recorded before
/// baselines existed lives.
/// </summary>
public sealed class PlanOptions
{
    public const string Section = "Plans";

    public string Official { get; set; } = "assigned";

    public PlanBaseline OfficialBaseline =>
        PlanBaselines.TryParse(Official, out var baseline, out _) ? baseline
            : throw new InvalidOperationException($"Plans:Official '{Official}' is not a plan baseline (assigned, council or stretch).");
}

internal static class PlanInput
{
    public const string All = "all";

    /// <summary>The baseline a <c>plan</c> query parameter names, or the official one where it is absent; an unknown value is named in <c>errors</c>.</summary>
    public static PlanBaseline? Baseline(this Infrastructure.Http.InputErrors errors, string? text, PlanOptions options)
    {
        if (PlanBaselines.TryResolve(text, options.OfficialBaseline, out var baseline, out var error)) return baseline;
        errors.Add("plan", $"{error} (or none, for the official baseline '{options.Official}').");
        return null;
    }
}
