namespace GovReport.Domain.Interop;

/// <summary>
/// What an import did, in DHIS2's terms: values imported (a new submission), updated (a
/// correction of a submitted or approved report), ignored (unchanged, or refused with a
/// conflict); nothing is ever deleted. Conflicts with the same object and message are one entry
/// naming every value index they concern, as DHIS2 groups them.
/// </summary>
public sealed record Dhis2ImportSummary(string Status, int Imported, int Updated, int Ignored, IReadOnlyList<Dhis2ImportSummary.Conflict> Conflicts)
{
    public sealed record Conflict(string Object, string Value, IReadOnlyList<int> Indexes);

    public const string Success = "SUCCESS";
    public const string Warning = "WARNING";
    public const string Error = "ERROR";

    public static Dhis2ImportSummary Of(int total, int imported, int updated, IEnumerable<Dhis2Conflict> conflicts)
    {
        var grouped = conflicts.GroupBy(c => (c.Object, c.Value))
            .Select(g => new Conflict(g.Key.Object, g.Key.Value, g.Where(c => c.Index is not null).Select(c => c.Index!.Value).Distinct().Order().ToArray()))
            .ToList();
        var status = grouped.Count == 0 ? Success : imported + updated > 0 ? Warning : Error;
        return new Dhis2ImportSummary(status, imported, updated, total - imported - updated, grouped);
    }
}
