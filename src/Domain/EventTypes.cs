using GovReport.Domain.Accounts;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Reports;
using GovReport.Domain.Restructurings;
using GovReport.Domain.Summaries;
using GovReport.Domain.Targets;

namespace GovReport.Domain;

/// <summary>
/// The stable names events are stored under. Stored names never follow .NET type names, so a type
/// can be renamed or moved without rewriting history; a name, once used, is never reused.
/// </summary>
public static class EventTypes
{
    private static readonly (string Name, Type Type)[] All =
    [
        ("unit_registered", typeof(UnitRegistered)),
        ("unit_renamed", typeof(UnitRenamed)),
        ("unit_moved", typeof(UnitMoved)),
        ("unit_reclassified", typeof(UnitReclassified)),
        ("indicator_defined", typeof(IndicatorDefined)),
        ("indicator_revised", typeof(IndicatorRevised)),
        ("annual_targets_set", typeof(AnnualTargetsSet)),
        ("annual_targets_revised", typeof(AnnualTargetsRevised)),
        ("draft_saved", typeof(DraftSaved)),
        ("report_submitted", typeof(ReportSubmitted)),
        ("report_returned", typeof(ReportReturned)),
        ("report_approved", typeof(ReportApproved)),
        ("figures_corrected", typeof(FiguresCorrected)),
        ("summary_published", typeof(SummaryPublished)),
        ("account_registered", typeof(AccountRegistered)),
        ("account_renamed", typeof(AccountRenamed)),
        ("password_set", typeof(PasswordSet)),
        ("role_granted", typeof(RoleGranted)),
        ("role_revoked", typeof(RoleRevoked)),
        ("unit_granted", typeof(UnitGranted)),
        ("unit_revoked", typeof(UnitRevoked)),
        ("account_disabled", typeof(AccountDisabled)),
        ("account_enabled", typeof(AccountEnabled)),
        ("units_merged", typeof(UnitsMerged)),
        ("unit_split", typeof(UnitSplit)),
        ("unit_transferred", typeof(UnitTransferred)),
        ("unit_renamed_by_decision", typeof(UnitRenamedByDecision)),
        ("unit_dissolved", typeof(UnitDissolved)),
        ("restructuring_reverted", typeof(RestructuringReverted)),
        ("account_moved_to_successor", typeof(AccountMovedToSuccessor)),
    ];

    public static IReadOnlyDictionary<string, Type> ByName { get; } = All.ToDictionary(e => e.Name, e => e.Type);

    private static readonly Dictionary<Type, string> ByType = All.ToDictionary(e => e.Type, e => e.Name);

    public static string NameOf(Type type) =>
        ByType.TryGetValue(type, out var name)
            ? name
            : throw new ArgumentException($"{type.FullName} has no stored event name.", nameof(type));

    public static string NameOf(object @event) => NameOf(@event.GetType());

    public static bool TryGetType(string name, out Type? type) => ByName.TryGetValue(name, out type);
}
