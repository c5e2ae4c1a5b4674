using GovReport.Domain.Numbers;

namespace GovReport.Domain.Summaries;

/// <summary>
/// The sentences of a briefing, written the way the seeds write them: "Trồng rừng đạt 175,158/155
/// ha, bằng 113% kế hoạch." Figures use vi-VN digits; percent of plan is a whole number.
/// </summary>
public static class SummaryLines
{
    private const string LowerIsBetter = "lower-is-better";
    private const string Ratio = "ratio";

    /// <summary>One sentence per indicator that has a figure, then who was missing and who was late.</summary>
    public static IReadOnlyList<string> Build(IEnumerable<SummaryRow> rows, SummaryReportingStatus status) =>
        rows.Select(Indicator).OfType<string>().Concat(Timeliness(status)).ToList();

    /// <summary>The indicator's sentence; null when nothing was reported for it.</summary>
    public static string? Indicator(SummaryRow row)
    {
        if (row.Actual is not { } actual) return null;
        var name = Capitalise(row.Name.Trim());
        var text = row.Aggregation == Ratio ? RatioSentence(row, name, actual)
            : row.Direction == LowerIsBetter ? LowerSentence(row, name, actual) : HigherSentence(row, name, actual);
        return text + Change(row.ChangePercent) + Caveat(row) + ".";
    }

    public const string NotComparable = "không so sánh được với cùng kỳ do sắp xếp lại đơn vị";
    public const string EstimatedBySplit = "số liệu trước khi sắp xếp lại đơn vị là ước tính theo tỷ lệ chia tách";

    /// <summary>
    /// What a reader must know of a figure carried across a restructuring, and only that: a
    /// merge's figures add up exactly and read like any other, while a split's share is an
    /// estimate and an average of several merged units has no faithful comparison.
    /// </summary>
    private static string Caveat(SummaryRow row)
    {
        var notes = new List<string>(2);
        if (!row.Comparable) notes.Add(NotComparable);
        if (row.Estimated) notes.Add(EstimatedBySplit);
        return notes.Count == 0 ? "" : $" ({string.Join("; ", notes)})";
    }

    public static IEnumerable<string> Timeliness(SummaryReportingStatus status)
    {
        var missing = status.Units.Where(u => u.State == "missing").ToList();
        var late = status.Units.Where(u => u.State == "late").ToList();
        if (missing.Count > 0)
            yield return $"Có {missing.Count}/{status.Expected} đơn vị chưa gửi báo cáo: {Names(missing)}.";
        if (late.Count > 0)
            yield return $"Có {late.Count} đơn vị gửi báo cáo chậm: {Names(late)}.";
        if (missing.Count == 0 && late.Count == 0 && status.Expected > 0)
            yield return $"Có {status.Expected}/{status.Expected} đơn vị gửi báo cáo đúng hạn.";
    }

    private static string HigherSentence(SummaryRow row, string name, decimal actual)
    {
        var plan = PlanWord(row);
        if (row.Target is not { } target || row.PercentOfTarget is not { } percent)
            return $"{name} đạt {WithMeasure(actual, row.Measure)}";
        // Budget figures are compared against the estimate and written without the target: the seeds
        // say "đạt 119,6 tỷ đồng, bằng 98% dự toán" but "đạt 175,158/155 ha, bằng 113% kế hoạch".
        var figure = plan == "kế hoạch"
            ? WithMeasure($"{VietnameseNumbers.Format(actual)}/{VietnameseNumbers.Format(target)}", row.Measure)
            : WithMeasure(actual, row.Measure);
        return $"{name} đạt {figure}, bằng {WholePercent(percent)}% {plan}";
    }

    /// <summary>
    /// A rate reads as one: "Tỷ lệ hồ sơ giải quyết đúng hạn đạt 92,5% (kế hoạch 95%)", never a
    /// fraction of its target ("đạt 92,5/95%, bằng 97% kế hoạch" says nothing a reader wants).
    /// </summary>
    private static string RatioSentence(SummaryRow row, string name, decimal actual)
    {
        var subject = name.StartsWith("Tỷ lệ", StringComparison.OrdinalIgnoreCase) ? name : $"Tỷ lệ {char.ToLowerInvariant(name[0])}{name[1..]}";
        var text = $"{subject} đạt {WithMeasure(Math.Round(actual, 2, MidpointRounding.AwayFromZero), row.Measure)}";
        return row.Target is { } target ? $"{text} ({PlanWord(row)} {WithMeasure(target, row.Measure)})" : text;
    }

    private static string LowerSentence(SummaryRow row, string name, decimal actual)
    {
        var text = $"{name} còn {WithMeasure(actual, row.Measure)}";
        return row.Target is { } target ? $"{text} ({PlanWord(row)} {WithMeasure(target, row.Measure)})" : text;
    }

    private static string Change(decimal? changePercent) => changePercent switch
    {
        null => "",
        > 0 => $", tăng {VietnameseNumbers.Format(changePercent.Value, 1)}% so với cùng kỳ",
        < 0 => $", giảm {VietnameseNumbers.Format(-changePercent.Value, 1)}% so với cùng kỳ",
        _ => ", bằng cùng kỳ",
    };

    /// <summary>Budget revenue and spending are compared against the estimate (dự toán), everything else against the plan.</summary>
    public static string PlanWord(SummaryRow row) =>
        row.Indicator.StartsWith("budget", StringComparison.Ordinal)
        || row.Name.Contains("ngân sách", StringComparison.OrdinalIgnoreCase)
            ? "dự toán"
            : "kế hoạch";

    public static string WholePercent(decimal percent) =>
        VietnameseNumbers.Format(Math.Round(percent, 0, MidpointRounding.AwayFromZero), 0);

    private static string WithMeasure(decimal value, string measure) => WithMeasure(VietnameseNumbers.Format(value), measure);

    private static string WithMeasure(string figure, string measure)
    {
        var m = measure.Trim();
        if (m.Length == 0) return figure;
        return m.StartsWith('%') ? figure + m : $"{figure} {m}";
    }

    private static string Names(IEnumerable<UnitReporting> units) => string.Join(", ", units.Select(u => u.Name));

    private static string Capitalise(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
