using System.Globalization;
using System.Text;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Numbers;
using GovReport.Host.Features.Reports;

namespace GovReport.Host.Features.Imports;

/// <summary>
/// Turns a file's lines into the figures of a report body: the indicator by its code or, as
/// spreadsheets name them, by its exact name; the value read in the file's number culture, where
/// a figure that could be read two ways is an error, never a guess.
/// </summary>
internal static class SheetFigures
{
    public sealed record Mapped(IReadOnlyList<FigureInput> Figures, IReadOnlyList<int> Lines, IReadOnlyList<string> Notes);

    public static Mapped Map(IReadOnlyList<SheetRow> rows, IReadOnlyList<Indicator> indicators, NumberCulture culture, List<string> errors)
    {
        var byCode = indicators.ToDictionary(i => i.Code.Value, StringComparer.Ordinal);
        var byName = indicators.ToLookup(i => Key(i.Name), StringComparer.Ordinal);
        var figures = new List<FigureInput>();
        var lines = new List<int>();
        var notes = new List<string>();
        foreach (var row in rows)
        {
            var indicator = Resolve(row, byCode, byName, errors);

            decimal? value = row.Number;
            if (value is null)
            {
                if (VietnameseNumbers.TryParse(row.Text, culture, out ParsedNumber? parsed, out var error))
                {
                    value = parsed!.Value;
                    if (parsed.Qualifier is { } qualifier)
                        notes.Add($"line {row.Line}: '{row.Text}' is qualified ('{qualifier}'); the figure is recorded as {value.Value.ToString(CultureInfo.InvariantCulture)}.");
                }
                else errors.Add($"line {row.Line}: {error}");
            }
            if (indicator is null || value is null) continue;
            figures.Add(new FigureInput(indicator.Code.Value, value));
            lines.Add(row.Line);
        }
        return new Mapped(figures, lines, notes);
    }

    /// <summary>The indicator by its code, else by its name; an unknown or ambiguous one is an error.</summary>
    private static Indicator? Resolve(SheetRow row, Dictionary<string, Indicator> byCode, ILookup<string, Indicator> byName, List<string> errors)
    {
        if (byCode.TryGetValue(row.Indicator, out var coded)) return coded;
        var named = byName[Key(row.Indicator)].ToList();
        if (named.Count == 1) return named[0];
        errors.Add(named.Count == 0
            ? $"line {row.Line}: '{row.Indicator}' is neither an indicator code nor an indicator's name."
            : $"line {row.Line}: '{row.Indicator}' names {named.Count} indicators ({string.Join(", ", named.Select(i => i.Code.Value))}); use the code.");
        return null;
    }

    private static string Key(string name) => name.Normalize(NormalizationForm.FormC).Trim().ToLowerInvariant();
}
