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
    public sealed record Mapped(IReadOnlyList<FigureInput> Figures, IReadOnlyList<int> Lines, IReadOnlyList<string> Notes)
    {
        /// <summary>Each figure's place in the file, as its row names it.</summary>
        public IReadOnlyList<string> Places { get; init; } = [];
    }

    public static Mapped Map(IReadOnlyList<SheetRow> rows, IReadOnlyList<Indicator> indicators, NumberCulture culture, List<string> errors) =>
        Map(rows, indicators, culture, (row, issue) => errors.Add($"{row.Place}: {issue.Message}"));

    /// <summary>As <see cref="Map(IReadOnlyList{SheetRow}, IReadOnlyList{Indicator}, NumberCulture, List{string})"/>, each error with its row and kind, for a reader that words them itself.</summary>
    public static Mapped Map(IReadOnlyList<SheetRow> rows, IReadOnlyList<Indicator> indicators, NumberCulture culture, Action<SheetRow, SheetIssue> error)
    {
        var byCode = indicators.ToDictionary(i => i.Code.Value, StringComparer.Ordinal);
        var byName = indicators.ToLookup(i => Key(i.Name), StringComparer.Ordinal);
        var figures = new List<FigureInput>();
        var lines = new List<int>();
        var places = new List<string>();
        var notes = new List<string>();
        foreach (var row in rows)
        {
            var indicator = Resolve(row, byCode, byName, error);

            decimal? value = row.Number;
            if (value is null)
            {
                if (VietnameseNumbers.TryParse(row.Text, culture, out ParsedNumber? parsed, out var text))
                {
                    value = parsed!.Value;
                    if (parsed.Qualifier is { } qualifier)
                        notes.Add($"{row.Place}: '{row.Text}' is qualified ('{qualifier}'); the figure is recorded as {value.Value.ToString(CultureInfo.InvariantCulture)}.");
                }
                else error(row, new SheetIssue(SheetIssueKind.BadNumber, text ?? "not a number.", indicator?.Code.Value));
            }
            if (indicator is null || value is null) continue;
            figures.Add(new FigureInput(indicator.Code.Value, value));
            lines.Add(row.Line);
            places.Add(row.Place);
        }
        return new Mapped(figures, lines, notes) { Places = places };
    }

    /// <summary>The indicator by its code, else by its name; an unknown or ambiguous one is an error.</summary>
    private static Indicator? Resolve(SheetRow row, Dictionary<string, Indicator> byCode, ILookup<string, Indicator> byName, Action<SheetRow, SheetIssue> error)
    {
        if (byCode.TryGetValue(row.Indicator, out var coded)) return coded;
        var named = byName[Key(row.Indicator)].ToList();
        if (named.Count == 1) return named[0];
        error(row, named.Count == 0
            ? new SheetIssue(SheetIssueKind.UnknownIndicator, $"'{row.Indicator}' is neither an indicator code nor an indicator's name.", null)
            : new SheetIssue(SheetIssueKind.AmbiguousIndicator,
                $"'{row.Indicator}' names {named.Count} indicators ({string.Join(", ", named.Select(i => i.Code.Value))}); use the code.", null));
        return null;
    }

    public static string Key(string name) => name.Normalize(NormalizationForm.FormC).Trim().ToLowerInvariant();
}

internal enum SheetIssueKind { UnknownIndicator, AmbiguousIndicator, BadNumber }

/// <summary>One figure that cannot be read: what went wrong, in English for the CLI and API; <see cref="Indicator"/> when it is known.</summary>
internal sealed record SheetIssue(SheetIssueKind Kind, string Message, string? Indicator);
