using System.Diagnostics;
using System.Globalization;
using System.Text;
using GovReport.Benchmarks.National;
using GovReport.Benchmarks.Reporting;
using GovReport.Benchmarks.SideBySide.MartenSide;
using GovReport.Benchmarks.SideBySide.OurSide;

namespace GovReport.Benchmarks.SideBySide;

/// <summary>
/// The national workload through this store and through Marten in one run. Each round gives each
/// side a fresh database and runs every row; the sides take turns going first, since the
/// machine's speed wanders from minute to minute. Each row is the median of its rounds.
/// </summary>
public static class SideBySideSuite
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(string[] args)
    {
        var (commands, rest, quick) = TakeOwnOptions(args);
        var options = NationalOptions.Parse(rest, out var error);
        if (options is null || commands <= 0)
        {
            Console.Error.WriteLine(error ?? "--commands takes a positive number.");
            Console.Error.WriteLine("marten also takes [--commands N (per-command rows; default 500, --quick 100)]; --rounds defaults to 3, also with --quick.");
            return 2;
        }
        if (!rest.Contains("--rounds")) options = options with { Rounds = 3 };
        commands = Math.Min(commands, options.Communes);
        var workload = new Workload(new Country(options), commands);
        var startedAt = DateTimeOffset.Now;
        var total = Stopwatch.StartNew();
        Console.WriteLine($"side-by-side benchmark{(quick ? " (--quick)" : "")}: {options.Provinces} provinces, {options.Communes:N0} communes, " +
                          $"{options.Indicators} indicators, {options.Years} years; {options.Rounds} rounds, {commands} commands per row, {options.Queries} queries");

        var ours = new List<RoundResult>();
        var marten = new List<RoundResult>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            Console.WriteLine($"  round {round} of {options.Rounds}");
            // Odd rounds start with our store, even ones with Marten.
            var order = round % 2 == 1 ? new[] { OurRound.Side, MartenRound.Side } : [MartenRound.Side, OurRound.Side];
            foreach (var side in order)
            {
                var db = await Phases.CreateDatabaseAsync(options.ConnectionString, side, round);
                try
                {
                    if (side == OurRound.Side) ours.Add(await OurRound.RunAsync(db, workload, options));
                    else marten.Add(await MartenRound.RunAsync(db, workload, options));
                }
                finally
                {
                    await db.DropAsync();
                }
            }
        }

        var rows = Compare(ours, marten);
        Console.WriteLine();
        Console.WriteLine(Table(rows));
        var digests = ours.Concat(marten).Select(r => r.Answers).Distinct().ToList();
        Console.WriteLine(digests.Count == 1
            ? $"Same ytd answers on both sides in every round (root, a province, a commune: {digests[0]})."
            : $"ANSWERS DIFFER between sides or rounds: {string.Join(" / ", digests)}");
        var path = await ResultReport.SaveAsync("marten", startedAt, new
        {
            Suite = "marten", StartedAt = startedAt, TotalSeconds = total.Elapsed.TotalSeconds, Quick = quick,
            Options = new { options.Provinces, options.Communes, options.Indicators, options.Years, options.Queries, options.Rounds, Commands = commands },
            Rows = rows, Ours = ours, Marten = marten,
        });
        Console.WriteLine($"Results written to {path}");
        Console.WriteLine($"Total {total.Elapsed.TotalSeconds:F0} s.");
        return digests.Count == 1 ? 0 : 1;
    }

    private static (int Commands, string[] Others, bool Quick) TakeOwnOptions(string[] args)
    {
        var quick = args.Contains("--quick");
        var commands = quick ? 100 : 500;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--commands")
                commands = i + 1 < args.Length && int.TryParse(args[++i], Inv, out var n) ? n : -1;
            else rest.Add(args[i]);
        }
        return (commands, rest.ToArray(), quick);
    }

    /// <summary>A row of the comparison: the median of each side's rounds, and ours over Marten's.</summary>
    public sealed record Row(string Name, string Unit, double Ours, double Marten, bool HigherIsBetter, string OursDetail, string MartenDetail)
    {
        public double Ratio => Marten > 0 ? Ours / Marten : double.NaN;
        public bool OursAhead => HigherIsBetter ? Ours >= Marten : Ours <= Marten;
    }

    private static List<Row> Compare(List<RoundResult> ours, List<RoundResult> marten)
    {
        Row Rate(string name, Func<RoundResult, BenchResult?> pick, Func<RoundResult, BenchResult?>? martenPick = null)
        {
            var (o, m) = (ours.Select(pick).OfType<BenchResult>().ToList(), marten.Select(martenPick ?? pick).OfType<BenchResult>().ToList());
            return new Row(name, "/s", Median(o.Select(r => r.PerSecond)), Median(m.Select(r => r.PerSecond)), true, Detail(o), Detail(m));
        }
        Row P95(string name, Func<RoundResult, BenchResult> pick)
        {
            var (o, m) = (ours.Select(pick).ToList(), marten.Select(pick).ToList());
            return new Row(name, "ms p95", Median(o.Select(r => r.P95Ms ?? 0)), Median(m.Select(r => r.P95Ms ?? 0)), false,
                $"p50 {Median(o.Select(r => r.P50Ms ?? 0)):F1} ms", $"p50 {Median(m.Select(r => r.P50Ms ?? 0)):F1} ms");
        }
        var rawOurs = Median(ours.Select(r => r.RawCopy.PerSecond));
        var rawMarten = Median(marten.Select(r => r.RawCopy.PerSecond));
        var bulk = Rate("bulk append, events/s", r => r.Bulk);
        return
        [
            Rate("raw COPY baseline (each side's table), events/s", r => r.RawCopy),
            bulk with
            {
                OursDetail = $"{bulk.Ours / rawOurs:P0} of own raw COPY; hashes every event",
                MartenDetail = $"{bulk.Marten / rawMarten:P0} of own raw COPY; no hash",
            },
            Rate("per command, new stream, commands/s", r => r.NewStream),
            Rate("per command, read + append at expected version, commands/s", r => r.ReadAppend),
            Rate("rebuild, events/s (ours: every read model; Marten: the same models)", r => r.Rebuild),
            Rate("rebuild, events/s (ours: every read model; Marten: figures model only)", r => r.Rebuild, r => r.RebuildFiguresOnly),
            P95("ytd, one commune", r => r.YtdCommune),
            P95("ytd, one province", r => r.YtdProvince),
            P95("ytd, the whole country", r => r.YtdCountry),
        ];
    }

    private static string Detail(List<BenchResult> results) =>
        results.Count > 0 && results[0].P95Ms is not null
            ? $"p95 {Median(results.Select(r => r.P95Ms ?? 0)):F1} ms"
            : $"rounds: {string.Join(", ", results.Select(r => r.PerSecond.ToString("N0", Inv)))}";

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Table(List<Row> rows)
    {
        string[] header = ["Row", "This store", "Marten 9.58", "Ratio (ours / Marten)", "Ahead", "This store, detail", "Marten, detail"];
        var cells = rows.Select(r => new[]
        {
            r.Name,
            Number(r.Ours, r.Unit), Number(r.Marten, r.Unit),
            r.Ratio.ToString("F2", Inv) + (r.HigherIsBetter ? " (higher is better)" : " (lower is better)"),
            r.OursAhead ? "ours" : "MARTEN",
            r.OursDetail, r.MartenDetail,
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, cells.Max(c => c[i].Length))).ToArray();
        var text = new StringBuilder();
        void Line(string[] c) => text.AppendLine(string.Join(" | ", c.Select((s, i) => s.PadRight(widths[i]))).TrimEnd());
        Line(header);
        text.AppendLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (var c in cells) Line(c);
        return text.ToString();
    }

    private static string Number(double value, string unit) =>
        unit == "/s" ? value.ToString("N0", Inv) : $"{value.ToString("F1", Inv)} {unit}";
}
