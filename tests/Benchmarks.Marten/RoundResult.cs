using GovReport.Benchmarks.Reporting;

namespace GovReport.Benchmarks.SideBySide;

/// <summary>What one side measured in one round, one line per row of the comparison.</summary>
public sealed record RoundResult(
    BenchResult RawCopy, BenchResult Bulk, BenchResult NewStream, BenchResult ReadAppend,
    BenchResult Rebuild, BenchResult? RebuildFiguresOnly,
    BenchResult YtdCommune, BenchResult YtdProvince, BenchResult YtdCountry, string Answers);

/// <summary>
/// A digest of each side's ytd rows for the root, a province and a commune: equal digests mean
/// both sides gave the same answer, so neither row was bought by answering less.
/// </summary>
public static class Answers
{
    public static async Task<string> DigestAsync(Workload workload, Func<string, Task<IReadOnlyList<GovReport.Projections.Queries.Performance.PerformanceRow>>> ytd)
    {
        var text = new System.Text.StringBuilder();
        var withFigures = 0;
        foreach (var unit in new[] { National.Country.Root, workload.Country.Provinces[0], workload.Country.Communes[0].Commune })
            foreach (var r in await ytd(unit))
            {
                if (r.Actual is not null) withFigures++;
                text.Append(System.FormattableString.Invariant($"{unit};{r.Indicator};{r.Actual};{r.Target};{r.SamePeriodLastYear};{r.Status};{r.ReportedMonths};{r.Plan?.Revision}\n"));
            }
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString()));
        return $"{text.ToString().Count(c => c == '\n')} rows, {withFigures} with figures, sha256 {Convert.ToHexString(hash)[..16]}";
    }
}
