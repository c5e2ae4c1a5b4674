using GovReport.Domain.Catalogue;

namespace GovReport.Domain.Targets;

/// <summary>
/// Which plan a target belongs to: the target assigned by the level above (chỉ tiêu giao), the
/// council's resolution (Nghị quyết HĐND), or the unit's own stretch target (phấn đấu). Each is
/// a plan of its own, with its own revisions and decisions. Plans recorded before baselines
/// existed are the assigned one.
/// </summary>
public enum PlanBaseline { Assigned, Council, Stretch }

public static class PlanBaselines
{
    private static readonly (PlanBaseline Value, string Name)[] Names =
        [(PlanBaseline.Assigned, "assigned"), (PlanBaseline.Council, "council"), (PlanBaseline.Stretch, "stretch")];

    public static IReadOnlyList<PlanBaseline> All { get; } = Names.Select(n => n.Value).ToList();

    public static string ToApiString(this PlanBaseline value) => Names.First(n => n.Value == value).Name;

    public static bool TryParse(string? text, out PlanBaseline value, out string? error) =>
        ApiNames.TryParse(Names, text, "plan baseline", out value, out error);

    /// <summary>
    /// The baseline a request means: the one it names, or the deployment's official one where it
    /// names none. "all" is not a baseline; callers that accept it check for it first.
    /// </summary>
    public static bool TryResolve(string? text, PlanBaseline official, out PlanBaseline value, out string? error)
    {
        if (text is null)
        {
            (value, error) = (official, null);
            return true;
        }
        return TryParse(text, out value, out error);
    }

    /// <summary>What an event records: nothing for the assigned plan, so its events read exactly as those before baselines.</summary>
    public static PlanBaseline? Recorded(PlanBaseline baseline) => baseline == PlanBaseline.Assigned ? null : baseline;
}
