using System.Globalization;

namespace GovReport.Benchmarks.National;

/// <summary>The size of the generated country: provinces, communes under them, indicators and years of months.</summary>
public sealed record NationalOptions(int Provinces, int Communes, int Indicators, int Years, int Queries, int Rounds, bool Keep, string? Reuse, string ConnectionString)
{
    public static NationalOptions? Parse(string[] args, out string? error)
    {
        int provinces = 34, communes = 3_300, indicators = 100, years = 3, queries = 200, rounds = 3;
        bool keep = false;
        string? reuse = null;
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            int Next() => i + 1 < args.Length && int.TryParse(args[++i], CultureInfo.InvariantCulture, out var n) && n > 0 ? n : -1;
            switch (args[i])
            {
                case "--quick": (provinces, communes, years, queries, rounds) = (10, 330, 1, 100, 1); break;
                case "--rounds": rounds = Next(); break;
                case "--keep": keep = true; break;
                case "--reuse" when i + 1 < args.Length: reuse = args[++i]; keep = true; break;
                case "--provinces": provinces = Next(); break;
                case "--communes": communes = Next(); break;
                case "--indicators": indicators = Next(); break;
                case "--years": years = Next(); break;
                case "--queries": queries = Next(); break;
                default: provinces = -1; break;
            }
            if (provinces < 0 || communes < 0 || indicators < 0 || years < 0 || queries < 0 || rounds < 0)
            {
                error = "Options: [--quick] [--provinces N] [--communes N] [--indicators N] [--years N] [--queries N] [--rounds N (baseline and rebuild, in turns; default 3)] [--keep] [--reuse DATABASE (kept by an earlier --keep run: skips the load)].";
                return null;
            }
        }
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__GovReport");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            error = "Set ConnectionStrings__GovReport (ops/bench does it through ops/db-setup).";
            return null;
        }
        return new NationalOptions(provinces, communes, indicators, years, queries, rounds, keep, reuse, connectionString);
    }
}
