using GovReport.Domain;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Errors;
using GovReport.Domain.Numbers;
using GovReport.Domain.Periods;
using GovReport.Domain.Reports;
using GovReport.Host.Features.Reports;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Writes;
using GovReport.Projections.Queries;
using Microsoft.AspNetCore.Mvc;

namespace GovReport.Host.Features.Web.Pages.BaoCao;

/// <summary>
/// The month's report form. Every write goes through <see cref="ReportWrites"/>, the API's own
/// write path; a refused figure is shown beside its input with the text the user typed, and
/// nothing is saved. After submission the same inputs carry a correction with its reason.
/// </summary>
[RequestSizeLimit(UploadFill.MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadFill.MaxBytes + 64 * 1024)]
public sealed class ThangModel(
    ReportWrites writes, StreamCommands commands, CatalogueReader catalogue, CallerAccess access, TimeProvider clock) : WebPage
{
    [BindProperty] public Dictionary<string, string?> Values { get; set; } = new(StringComparer.Ordinal);
    [BindProperty] public string? Results { get; set; }
    [BindProperty] public string? Difficulties { get; set; }
    [BindProperty] public string? Proposals { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public long? Version { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    /// <summary>What an uploaded file could not fill: a line naming no indicator, a file that cannot be read.</summary>
    public List<string> UploadErrors { get; } = [];

    public string UnitId { get; private set; } = "";
    public string UnitName { get; private set; } = "";
    public Month Month { get; private set; }
    public MonthlyReport Report { get; private set; } = MonthlyReport.Initial;
    public MonthlyReport LastMonth { get; private set; } = MonthlyReport.Initial;
    public MonthlyReport LastYear { get; private set; } = MonthlyReport.Initial;
    public IReadOnlyList<Indicator> Indicators { get; private set; } = [];
    public bool CanFile { get; private set; }
    public bool CanCorrect { get; private set; }

    /// <summary>Messages beside their inputs: an indicator's code, or <c>reason</c>, <c>results</c>….</summary>
    public Dictionary<string, string> FieldErrors { get; } = new(StringComparer.Ordinal);
    public string? PageError { get; private set; }
    public string? Done { get; private set; }

    public string StatusWords => WebText.ReportStatus(Report.Status.ToApiString());
    public bool Editable => Report.Status is ReportStatus.None or ReportStatus.Draft or ReportStatus.Returned;
    public bool Correctable => Report.Status is ReportStatus.Submitted or ReportStatus.Approved;

    public async Task<IActionResult> OnGetAsync(string unitId, string month, string? da, CancellationToken ct)
    {
        if (await LoadAsync(unitId, month, ct) is { } refused) return refused;
        Done = da switch
        {
            "nhap" => "Đã lưu nháp.",
            "gui" => "Đã gửi báo cáo.",
            "dieu-chinh" => "Đã ghi điều chỉnh.",
            _ => null,
        };
        Values = Indicators.Where(i => Report.ValueOf(i.Code) is not null)
            .ToDictionary(i => i.Code.Value, i => (string?)NumberEntry.Show(Report.ValueOf(i.Code)!.Value), StringComparer.Ordinal);
        (Results, Difficulties, Proposals) = (Report.Narrative?.Results, Report.Narrative?.Difficulties, Report.Narrative?.Proposals);
        Version = ReadVersion;
        return Page();
    }

    public Task<IActionResult> OnPostLuuNhapAsync(string unitId, string month, CancellationToken ct) =>
        WriteAsync(unitId, month, "nhap", async figures => await writes.SaveDraftAsync(unitId, month, new ReportBody(figures, Narrative()), Version, Source, ct), ct);

    public Task<IActionResult> OnPostGuiBaoCaoAsync(string unitId, string month, CancellationToken ct) =>
        WriteAsync(unitId, month, "gui", async figures => await writes.SubmitAsync(unitId, month, new ReportBody(figures, Narrative()), Version, Source, ct), ct);

    /// <summary>A correction carries only the figures the user changed: the others stand as they are.</summary>
    public Task<IActionResult> OnPostDieuChinhAsync(string unitId, string month, CancellationToken ct) =>
        WriteAsync(unitId, month, "dieu-chinh", async figures =>
        {
            var changed = figures.Where(f => Report.ValueOf(new IndicatorCode(f!.Indicator!)) != f.Value).ToList();
            if (changed.Count == 0) return null;
            return await writes.CorrectAsync(unitId, month, new CorrectionBody(changed, Reason), Version, Source, ct);
        }, ct);

    /// <summary>
    /// Fills the inputs from an uploaded .xlsx or .csv by the <c>import</c> verb's rules, for the
    /// clerk to review: nothing is saved until Lưu nháp or Gửi báo cáo. A multipart POST, so it
    /// works without JavaScript; the page's size limit bounds the body.
    /// </summary>
    public async Task<IActionResult> OnPostTaiLenAsync(string unitId, string month, CancellationToken ct)
    {
        if (await LoadAsync(unitId, month, ct) is { } refused) return refused;
        if (!CanFile) return Refuse();
        Values = Indicators.Where(i => Report.ValueOf(i.Code) is not null)
            .ToDictionary(i => i.Code.Value, i => (string?)NumberEntry.Show(Report.ValueOf(i.Code)!.Value), StringComparer.Ordinal);
        (Results, Difficulties, Proposals) = (Report.Narrative?.Results, Report.Narrative?.Difficulties, Report.Narrative?.Proposals);
        Version = ReadVersion;
        if (!Editable)
        {
            PageError = "Báo cáo đã gửi: không điền lại từ tệp được; hãy điều chỉnh từng số liệu kèm lý do.";
            return Again();
        }
        if (Upload is null || Upload.Length == 0)
        {
            UploadErrors.Add("Hãy chọn một tệp .xlsx hoặc .csv.");
            return Again();
        }
        if (Upload.Length > UploadFill.MaxBytes)
        {
            UploadErrors.Add(UploadFill.Rejected(Imports.SheetProblem.TooLarge));
            return Again();
        }
        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, ct);
        var target = new ReportTarget(new UnitId(UnitId), Month, default);
        var filled = await UploadFill.ReadAsync(Path.GetFileName(Upload.FileName), buffer.ToArray(), target,
            ReportInput.Today(clock.GetUtcNow()), catalogue, ct);
        foreach (var (code, text) in filled.Values) Values[code] = text;
        foreach (var (code, message) in filled.FieldErrors) FieldErrors[code] = message;
        UploadErrors.AddRange(filled.FileErrors);
        if (FieldErrors.Count > 0 || UploadErrors.Count > 0) return Again();
        Done = $"Đã điền {filled.Values.Count} số liệu từ tệp {Path.GetFileName(Upload.FileName)}. Hãy kiểm tra rồi bấm Lưu nháp hoặc Gửi báo cáo: số liệu chưa được lưu.";
        return Page();
    }

    private long ReadVersion { get; set; }

    private async Task<IActionResult> WriteAsync(
        string unitId, string month, string done, Func<List<FigureInput?>, Task<ReportWriteOutcome?>> write, CancellationToken ct)
    {
        if (await LoadAsync(unitId, month, ct) is { } refused) return refused;

        // The figures in the catalogue's order, so the write path's values[i] is the i-th of these.
        var figures = new List<FigureInput?>();
        foreach (var indicator in Indicators)
        {
            var text = Values.GetValueOrDefault(indicator.Code.Value);
            if (!NumberEntry.TryParse(text, out var value)) FieldErrors[indicator.Code.Value] = WebText.NotANumber;
            else if (value is not null) figures.Add(new FigureInput(indicator.Code.Value, value));
        }
        // A field that is not a number stops the whole form: nothing is saved until every field reads.
        if (FieldErrors.Count > 0) return Again();

        var outcome = await write(figures);
        if (outcome is null)
        {
            PageError = WebText.Refusal(new DomainError(ErrorCodes.NoChange, ""));
            return Again();
        }
        if (outcome.Forbidden is not null) return Refuse();
        if (outcome.Succeeded) return Redirect($"/bao-cao/{UnitId}/{Month}?da={done}");

        foreach (var (field, _) in outcome.Errors.All)
        {
            var code = outcome.Errors.CodeOf(field);
            if (FigureIndex(field) is { } i && i < figures.Count)
            {
                var indicator = Indicators.First(x => x.Code.Value == figures[i]!.Indicator);
                FieldErrors.TryAdd(indicator.Code.Value, WebText.FieldError(field, code, indicator.Name));
            }
            else FieldErrors.TryAdd(FieldKey(field), WebText.FieldError(field, code, null));
        }
        if (outcome.Refused is not null) PageError = WebText.Retired;
        else if (outcome.Command is { StaleVersion: true }) PageError = WebText.Stale;
        else if (outcome.Command?.Error is { } error) PageError = WebText.Refusal(error);
        // The user sees what changed and may send again over the version now current.
        Version = ReadVersion;
        return Again();
    }

    private IActionResult Again()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private NarrativeInput Narrative() => new(Results, Difficulties, Proposals);

    private static int? FigureIndex(string field) =>
        field.StartsWith("values[", StringComparison.Ordinal) && field.IndexOf(']') is > 7 and var end
        && int.TryParse(field.AsSpan(7, end - 7), out var i) ? i : null;

    private static string FieldKey(string field) => field switch
    {
        "narrative.results" => "results",
        "narrative.difficulties" => "difficulties",
        "narrative.proposals" => "proposals",
        "reason" => "reason",
        _ => "",
    };

    /// <summary>The unit, the report and its neighbours (last month, the same month last year): one stream read each, never one per indicator.</summary>
    private async Task<IActionResult?> LoadAsync(string unitId, string month, CancellationToken ct)
    {
        var errors = new Infrastructure.Http.InputErrors();
        if (!ReportInput.TryParseRoute(unitId, month, Periods.PeriodInput.Today(clock), errors, out var unit, out var parsed))
            return Missing("Không có báo cáo tháng này: hãy kiểm tra mã đơn vị và tháng (ví dụ 2022-08).");
        var row = await catalogue.UnitAsync(unit.Value, ct);
        if (row is null) return Missing($"Không có đơn vị '{unitId}'.");
        if (!await access.CanReadAsync(unit.Value, ct)) return Refuse();

        (UnitId, UnitName, Month) = (unit.Value, row.Name, parsed);
        Indicators = (await catalogue.IndicatorsAsync(ct))
            .OrderBy(i => WebText.Sector(i.Sector), StringComparer.Ordinal).ThenBy(i => i.Code).ToList();
        (Report, ReadVersion) = await commands.LoadAsync(StreamIds.Report(unit, parsed), ReportDecider.Decider, null, ct);
        (LastMonth, _) = await commands.LoadAsync(StreamIds.Report(unit, parsed.Previous()), ReportDecider.Decider, null, ct);
        (LastYear, _) = await commands.LoadAsync(StreamIds.Report(unit, parsed.SameMonthLastYear), ReportDecider.Decider, null, ct);
        CanFile = await access.AllowsAsync(UnitAction.File, unit.Value, ct);
        CanCorrect = await access.AllowsAsync(UnitAction.Correct, unit.Value, ct);
        return null;
    }
}
