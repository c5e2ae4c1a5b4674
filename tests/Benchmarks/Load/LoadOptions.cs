using System.Globalization;

namespace GovReport.Benchmarks.Load;

/// <summary>
/// The deadline-day burst: every commune of a province submits its month through HTTP, at each
/// level of concurrency in turn (a fresh month per level, so no submission meets an earlier one).
/// </summary>
public sealed record LoadOptions(int Communes, int Figures, IReadOnlyList<int> Concurrency, bool Keep, string ConnectionString)
{
    public static LoadOptions? Parse(string[] args, out string? error)
    {
        int communes = 1_000, figures = 6;
        List<int> concurrency = [8, 32];
        var keep = false;
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            int Next() => i + 1 < args.Length && int.TryParse(args[++i], CultureInfo.InvariantCulture, out var n) && n > 0 ? n : -1;
            switch (args[i])
            {
                case "--quick": communes = 200; concurrency = [8]; break;
                case "--communes": communes = Next(); break;
                case "--figures": figures = Next(); break;
                case "--concurrency" when i + 1 < args.Length:
                    concurrency = args[++i].Split(',').Select(c => int.TryParse(c, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 256 ? n : -1).ToList();
                    break;
                case "--keep": keep = true; break;
                default: communes = -1; break;
            }
            if (communes < 0 || figures is < 0 or > 100 || concurrency.Count is 0 or > 10 || concurrency.Any(c => c < 0))
            {
                error = "Options: [--quick] [--communes N (default 1000)] [--figures N (per report, default 6, at most 100)] " +
                        "[--concurrency 8,32 (writers at once, one burst each, at most 10 levels)] [--keep].";
                return null;
            }
        }
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__GovReport");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            error = "Set ConnectionStrings__GovReport (ops/bench does it through ops/db-setup).";
            return null;
        }
        return new LoadOptions(communes, figures, concurrency, keep, connectionString);
    }
}
