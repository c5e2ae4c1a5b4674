using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GovReport.Benchmarks.Reporting;

/// <summary>Prints the results as a table and saves the same as JSON under benchmark-results/.</summary>
public static class ResultReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Table(IReadOnlyList<BenchResult> results)
    {
        string[] header = ["Name", "Count", "Seconds", "Per second", "p50 ms", "p95 ms", "Baseline", "Ratio", "Goal", "Met"];
        var rows = results.Select(r => new[]
        {
            r.Name,
            $"{r.Count.ToString("N0", Inv)} {r.Unit}",
            r.Seconds.ToString("F2", Inv),
            r.PerSecond.ToString("N0", Inv),
            r.P50Ms?.ToString("F2", Inv) ?? "",
            r.P95Ms?.ToString("F2", Inv) ?? "",
            r.Baseline ?? "",
            r.Ratio?.ToString("F2", Inv) ?? "",
            r.Goal is { } g ? $"≥ {g.ToString("F2", Inv)}" : "",
            r.GoalMet switch { true => "yes", false => "NO", null => "" },
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        var numeric = new[] { false, true, true, true, true, true, false, true, false, false };

        var text = new StringBuilder();
        void Line(string[] cells) => text.AppendLine(string.Join(" | ",
            cells.Select((c, i) => numeric[i] ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd());
        Line(header);
        text.AppendLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (var row in rows) Line(row);
        foreach (var r in results.Where(r => r.Note is not null)) text.AppendLine($"  {r.Name}: {r.Note}");
        return text.ToString();
    }

    public static string Diagnostics(IReadOnlyList<Diagnostic> diagnostics)
    {
        var text = new StringBuilder();
        foreach (var d in diagnostics)
        {
            text.AppendLine($"- {d.Name}: {d.Value}");
            if (d.Detail is not null)
                foreach (var line in d.Detail.Split('\n')) text.AppendLine($"    {line.TrimEnd()}");
        }
        return text.ToString();
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <returns>The path written.</returns>
    public static async Task<string> SaveAsync(string suite, DateTimeOffset startedAt, object report)
    {
        var directory = Path.Combine(RepositoryRoot(), "benchmark-results");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{suite}-{startedAt.ToLocalTime():yyyyMMdd-HHmmss}.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, Json));
        return path;
    }

    /// <summary>The folder holding GovReport.sln, so results land in one place whatever the working directory.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GovReport.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
