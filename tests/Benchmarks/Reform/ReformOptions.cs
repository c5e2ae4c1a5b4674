using System.Globalization;

namespace GovReport.Benchmarks.Reform;

/// <summary>
/// The country before and after the 2025 reform: provinces, districts and communes with years of
/// monthly reports, restructured into fewer provinces and communes from July 2025. The catalogue's
/// hundred indicators, as the national suite (a full run takes about four minutes on two cores);
/// `--indicators 10` gives small events, where the rebuild's fixed cost per event shows most.
/// </summary>
public sealed record ReformOptions(
    int Provinces, int Districts, int Communes, int NewProvinces, int NewCommunes, int Indicators, int Years,
    int Queries, int Rounds, bool Keep, string ConnectionString)
{
    public static ReformOptions? Parse(string[] args, out string? error)
    {
        int provinces = 63, districts = 705, communes = 10_000, newProvinces = 34, newCommunes = 3_300;
        int indicators = 100, years = 5, queries = 200, rounds = 3;
        var keep = false;
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            int Next() => i + 1 < args.Length && int.TryParse(args[++i], CultureInfo.InvariantCulture, out var n) && n > 0 ? n : -1;
            switch (args[i])
            {
                // A tenth of the country, two years, one round: a check that the suite runs (under two minutes), not the result.
                case "--quick": (provinces, districts, communes, newProvinces, newCommunes, years, queries, rounds) = (7, 71, 1_000, 4, 330, 2, 100, 1); break;
                case "--rounds": rounds = Next(); break;
                case "--keep": keep = true; break;
                case "--indicators": indicators = Next(); break;
                case "--years": years = Next(); break;
                case "--queries": queries = Next(); break;
                default: provinces = -1; break;
            }
            if (provinces < 0 || indicators < 0 || years < 0 || queries < 0 || rounds < 0)
            {
                error = "Options: [--quick] [--indicators N (default 100)] [--years N (default 5, the last ends in December 2025)] [--queries N] [--rounds N] [--keep].";
                return null;
            }
        }
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__GovReport");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            error = "Set ConnectionStrings__GovReport (ops/bench does it through ops/db-setup).";
            return null;
        }
        return new ReformOptions(provinces, districts, communes, newProvinces, newCommunes, indicators, years, queries, rounds, keep, connectionString);
    }
}
