using GovReport.Domain.Numbers;
using GovReport.Host.Features.Imports;
using GovReport.Host.Features.Reports;
using GovReport.Projections.Queries;

namespace GovReport.Host.Features.Web.Pages.BaoCao;

/// <summary>
/// A unit's month read from an uploaded .xlsx or .csv to fill the form (issue 11), by the
/// <c>import</c> verb's own readers and checks (<see cref="FigureSheet"/>, <see cref="SheetFigures"/>,
/// <see cref="ReportInput"/>), worded in Vietnamese: a figure's message goes beside its input, a
/// line that names no indicator or a file that cannot be read goes at the top. Nothing is saved:
/// the clerk reviews the filled form and saves or submits it as usual.
/// </summary>
internal static class UploadFill
{
    /// <summary>A month's sheet is a few hundred short lines: a megabyte is far more than a genuine one.</summary>
    public const long MaxBytes = 1024 * 1024;

    public sealed record Filled(Dictionary<string, string?> Values, Dictionary<string, string> FieldErrors, List<string> FileErrors);

    public static async Task<Filled> ReadAsync(
        string fileName, byte[] content, ReportTarget target, DateOnly today, CatalogueReader catalogue, CancellationToken ct)
    {
        var filled = new Filled(new(StringComparer.Ordinal), new(StringComparer.Ordinal), []);
        IReadOnlyList<SheetRow> rows;
        try
        {
            (rows, var shape) = FigureSheet.Read(fileName, content);
            // The reader names the line first ("line 7: …"): the line is what a clerk can find.
            filled.FileErrors.AddRange(shape.Select(e => $"Dòng {LineOf(e)}: cần đúng hai ô, tên (hoặc mã) chỉ tiêu và số liệu."));
        }
        catch (SheetRejectedException rejected)
        {
            filled.FileErrors.Add(Rejected(rejected.Problem));
            return filled;
        }
        catch (CsvHelper.CsvFormatException)
        {
            filled.FileErrors.Add(Rejected(SheetProblem.NotText));
            return filled;
        }

        var indicators = await catalogue.IndicatorsAsync(ct);
        var names = indicators.ToDictionary(i => i.Code.Value, i => i.Name, StringComparer.Ordinal);
        var mapped = SheetFigures.Map(rows, indicators, NumberCulture.ViVn, (row, issue) =>
        {
            var message = issue.Kind switch
            {
                SheetIssueKind.UnknownIndicator => $"Dòng {row.Line}: '{row.Indicator}' không phải tên hay mã chỉ tiêu nào trong danh mục.",
                SheetIssueKind.AmbiguousIndicator => $"Dòng {row.Line}: '{row.Indicator}' trùng tên nhiều chỉ tiêu; hãy dùng mã chỉ tiêu.",
                _ => $"Dòng {row.Line}: '{row.Text}' — {WebText.NotANumber}",
            };
            if (issue.Indicator is { } code) filled.FieldErrors.TryAdd(code, message);
            else filled.FileErrors.Add(message);
        });
        if (rows.Count == 0 && filled.FileErrors.Count == 0) filled.FileErrors.Add("Tệp không có dòng nào ghi chỉ tiêu và số liệu.");
        foreach (var figure in mapped.Figures) filled.Values[figure.Indicator!] = NumberEntry.Show(figure.Value!.Value);
        if (mapped.Figures.Count == 0) return filled;

        // The report's own rules (range, sign, duplicates, ratios), as a save would apply them.
        var errors = new Infrastructure.Http.InputErrors();
        await ReportInput.FiguresAsync(mapped.Figures.Cast<FigureInput?>().ToList(), required: true, target, today, catalogue, errors, ct);
        foreach (var (field, _) in errors.All)
        {
            var at = field.StartsWith("values[", StringComparison.Ordinal) && field.IndexOf(']') is > 7 and var end
                     && int.TryParse(field.AsSpan(7, end - 7), out var i) && i < mapped.Figures.Count ? i : -1;
            if (at < 0) continue;
            var code = mapped.Figures[at].Indicator!;
            filled.FieldErrors.TryAdd(code, $"Dòng {mapped.Lines[at]}: {WebText.FieldError(field, errors.CodeOf(field), names.GetValueOrDefault(code))}");
        }
        return filled;
    }

    private static string LineOf(string error) =>
        error.StartsWith("line ", StringComparison.Ordinal) ? error[5..error.IndexOf(':')] : "?";

    /// <summary>The file as a whole cannot be read: why, in words a clerk can act on.</summary>
    public static string Rejected(SheetProblem problem) => problem switch
    {
        SheetProblem.UnknownFormat => "Chỉ nhận tệp .xlsx hoặc .csv (UTF-8).",
        SheetProblem.Empty => "Tệp rỗng.",
        SheetProblem.TooLarge => $"Tệp quá lớn: số liệu một tháng chỉ cần dưới {MaxBytes / 1024:N0} KB.",
        SheetProblem.NotAWorkbook => "Tệp không phải bảng tính .xlsx đọc được.",
        SheetProblem.ZipBomb => "Tệp nén bất thường (dung lượng giải nén quá lớn), không thể đọc.",
        SheetProblem.NoSheet => "Bảng tính không có trang số liệu; hãy để số liệu ở trang đầu tiên.",
        SheetProblem.TooManyRows => "Tệp có quá nhiều dòng cho số liệu một tháng.",
        SheetProblem.CellTooLong => "Tệp có ô hoặc dòng quá dài.",
        SheetProblem.TooMuchText => "Tệp chứa quá nhiều chữ cho số liệu một tháng.",
        SheetProblem.NotText => "Tệp .csv phải là văn bản UTF-8.",
        _ => "Không đọc được tệp.",
    };
}
