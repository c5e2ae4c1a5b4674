using System.Globalization;

namespace GovReport.Benchmarks.Load;

/// <summary>
/// The deadline-day burst: every commune of a province submits its month through HTTP, at each
/// level of concurrency in turn (a fresh month per level, so no submission meets an earlier one).
/// </summary>
public sealed record LoadOptions(int Communes, int Indicators, int Figures, IReadOnlyList<int> Concurrency, int Rounds, bool Keep, string ConnectionString)
{
    public static LoadOptions? Parse(string[] args, out string? error)
    {
        int communes = 1_000, indicators = 100, figures = 6, rounds = 3;
        List<int> concurrency = [8, 32];
        var keep = false;
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            int Next() => i + 1 < args.Length && int.TryParse(args[++i], CultureInfo.InvariantCulture, out var n) && n > 0 ? n : -1;
            switch (args[i])
            {
                case "--quick": communes = 200; concurrency = [8]; rounds = 1; break;
                case "--rounds": rounds = Next(); break;
                case "--communes": communes = Next(); break;
                case "--indicators": indicators = Next(); break;
                case "--figures": figures = Next(); break;
                case "--concurrency" when i + 1 < args.Length:
                    concurrency = args[++i].Split(',').Select(c => int.TryParse(c, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 256 ? n : -1).ToList();
                    break;
                case "--keep": keep = true; break;
                default: communes = -1; break;
            }
            if (communes < 0 || indicators is < 0 or > 1_000 || figures < 0 || figures > indicators || concurrency.Count is 0 or > 10 || concurrency.Any(c => c < 0) || rounds is < 1 or > 5 || concurrency.Count * rounds > 10)
            {
                error = "Options: [--quick] [--communes N (default 1000)] [--figures N (per report, default 6, at most 100)] " +
                        "[--concurrency 8,32 (writers at once, at most 10 levels)] [--rounds N (bursts per level, median reported; default 3; levels × rounds at most 10, a past month each)] [--keep].";
                return null;
            }
        }
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__GovReport");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            error = "Set ConnectionStrings__GovReport (ops/bench does it through ops/db-setup).";
            return null;
        }
        return new LoadOptions(communes, indicators, figures, concurrency, rounds, keep, connectionString);
    }
}
