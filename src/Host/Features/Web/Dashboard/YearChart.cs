using System.Globalization;

namespace GovReport.Host.Features.Web.Dashboard;

/// <summary>
/// The geometry of the months-of-this-year-against-last-year chart, drawn on the server as SVG:
/// twelve month slots, a zero line and the largest figure as the scale. Coordinates are in the
/// view box; the browser scales the drawing to the page's width.
/// </summary>
public sealed class YearChart(YearSeries series)
{
    public const int Width = 640, Height = 240;
    private const double Left = 64, Right = 12, Top = 16, Bottom = 28;

    public YearSeries Series => series;

    /// <summary>The top of the scale: the largest figure of either year (1 when there is none, so nothing divides by zero).</summary>
    public decimal Max { get; } = series.Points.SelectMany(p => new[] { p.ThisYear ?? 0m, p.LastYear ?? 0m }).DefaultIfEmpty(0m).Max() is > 0m and var max ? max : 1m;

    public static double Bottomline => Height - Bottom;
    public static double TopLine => Top;
    public static double LeftEdge => Left;
    public static double RightEdge => Width - Right;

    public static double X(int month) => Left + (month - 0.5) * (Width - Left - Right) / 12;

    public double Y(decimal value) => Bottomline - (double)(Math.Max(value, 0m) / Max) * (Height - Top - Bottom);

    /// <summary>A series' points as an SVG <c>points</c> list; a month without a figure breaks nothing, it is left out.</summary>
    public string Points(Func<MonthPoint, decimal?> value) => string.Join(' ', series.Points
        .Where(p => value(p) is not null)
        .Select(p => $"{F(X(p.Month))},{F(Y(value(p)!.Value))}"));

    public static string F(double n) => n.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>What the chart says, in words, for a reader who cannot see it.</summary>
    public string Description()
    {
        static string Value(decimal? v) => v is null ? "chưa có" : WebText.Number(v);
        var parts = series.Points.Select(p => $"tháng {p.Month}: {Value(p.ThisYear)} (năm trước {Value(p.LastYear)})");
        return $"{series.Name} ({series.Measure}) từng tháng năm {series.Year} so với năm {series.Year - 1}: {string.Join("; ", parts)}.";
    }
}
