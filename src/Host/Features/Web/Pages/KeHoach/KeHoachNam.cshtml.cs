using GovReport.Domain;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Numbers;
using GovReport.Domain.Targets;
using GovReport.EventStore;
using GovReport.Host.Features.Targets;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Http;
using GovReport.Projections.Queries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace GovReport.Host.Features.Web.Pages.KeHoach;

/// <summary>
/// A unit's annual plan (chỉ tiêu kế hoạch) for one year and baseline, with every revision and its
/// decision number; setting and revising go through <see cref="TargetWrites"/>, the path of
/// PUT /api/units/{unit}/targets/{year}?plan=, so a revision needs its reason there, not here.
/// </summary>
[Authorize(Policy = Policies.ManageCatalogue)]
public sealed class KeHoachNamModel(
    TargetWrites writes, PgEventStore store, CatalogueReader catalogue, CallerAccess access,
    IOptions<PlanOptions> plans, TimeProvider clock) : WebPage
{
    public const char MonthSeparator = ';';

    [BindProperty] public Dictionary<string, string?> Values { get; set; } = new(StringComparer.Ordinal);
    [BindProperty] public Dictionary<string, string?> Monthly { get; set; } = new(StringComparer.Ordinal);
    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public long? Version { get; set; }

    public string UnitId { get; private set; } = "";
    public string UnitName { get; private set; } = "";
    public int Year { get; private set; }
    public string Plan { get; private set; } = "";
    public PlanView? Current { get; private set; }
    public IReadOnlyList<Indicator> Indicators { get; private set; } = [];
    public Dictionary<string, string> FieldErrors { get; } = new(StringComparer.Ordinal);
    public string? PageError { get; private set; }
    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string unitId, string year, string? plan, string? da, CancellationToken ct)
    {
        if (await LoadAsync(unitId, year, plan, ct) is { } refused) return refused;
        Done = da == "luu";
        if (Current is not null)
        {
            foreach (var line in Current.Current.Targets)
            {
                Values[line.Indicator] = NumberEntry.Show(line.Value);
                if (line.Monthly is { } months) Monthly[line.Indicator] = ShowMonths(months);
            }
            Decision = Current.Current.Decision;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string unitId, string year, string? plan, CancellationToken ct)
    {
        var posted = Version;
        if (await LoadAsync(unitId, year, plan, ct) is { } refused) return refused;

        var lines = new List<TargetLineRequest?>();
        foreach (var indicator in Indicators)
        {
            var code = indicator.Code.Value;
            if (!NumberEntry.TryParse(Values.GetValueOrDefault(code), out var value)) { FieldErrors[code] = WebText.NotANumber; continue; }
            var months = ParseMonths(Monthly.GetValueOrDefault(code), out var monthsRead);
            if (!monthsRead) { FieldErrors[code] = PlannerText.FieldError("targets[0].monthly"); continue; }
            if (value is not null) lines.Add(new TargetLineRequest(code, value, months));
            else if (months is not null) FieldErrors[code] = "Cần nhập chỉ tiêu cả năm trước khi phân bổ theo tháng.";
        }
        if (FieldErrors.Count > 0) return Again();

        // The version the form was read at: a plan revised meanwhile is the user's to see (412 in the API).
        var outcome = await writes.SetAsync(unitId, year, plan, new PutTargetsRequest(lines, Decision, Reason), posted is > 0 ? posted : null, Source, ct);
        if (outcome.Succeeded) return Redirect($"/ke-hoach/{UnitId}/{Year}?plan={Plan}&da=luu");

        foreach (var (field, _) in outcome.Errors.All) Show(field, lines);
        if (outcome.Command?.Error is { } error) Show(error.Field ?? "", lines);
        if (outcome.Command is { StaleVersion: true })
            PageError = "Kế hoạch vừa được người khác điều chỉnh. Hãy xem lại kế hoạch hiện tại rồi thực hiện lại.";
        else if (outcome.NotFound is not null) return Missing($"Không có đơn vị '{unitId}'.");
        Version = Current?.Version;
        return Again();
    }

    /// <summary>An error on <c>targets[i]…</c> belongs beside the i-th line's indicator; anything else beside its own field.</summary>
    private void Show(string field, List<TargetLineRequest?> lines)
    {
        if (field.StartsWith("targets[", StringComparison.Ordinal) && field.IndexOf(']') is > 8 and var end
            && int.TryParse(field.AsSpan(8, end - 8), out var i) && i < lines.Count)
            FieldErrors.TryAdd(lines[i]!.Indicator!, PlannerText.FieldError(field));
        else FieldErrors.TryAdd(field, PlannerText.FieldError(field));
    }

    private IActionResult Again()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string unitId, string year, string? plan, CancellationToken ct)
    {
        var errors = new InputErrors();
        var unit = errors.UnitId("unitId", unitId);
        var planYear = errors.Year("year", year, Periods.PeriodInput.Today(clock));
        var baseline = errors.Baseline(plan, plans.Value);
        if (errors.Any) return Invalid("Đơn vị, năm hoặc loại kế hoạch không hợp lệ, ví dụ /ke-hoach/bac-kan/2022?plan=assigned.");
        var row = await catalogue.UnitAsync(unit!.Value.Value, ct);
        if (row is null) return Missing($"Không có đơn vị '{unitId}'.");
        if (!await access.CanReadAsync(row.Id, ct)) return Refuse();

        (UnitId, UnitName, Year, Plan) = (row.Id, row.Name, planYear!.Value, baseline!.Value.ToApiString());
        Indicators = (await catalogue.IndicatorsAsync(ct)).Where(i => !i.IsRatio)
            .OrderBy(i => WebText.Sector(i.Sector), StringComparer.Ordinal).ThenBy(i => i.Code).ToList();
        Current = await PlanHistory.LoadAsync(store, unit.Value, Year, null, null, ct, baseline.Value);
        Version = Current?.Version;
        return null;
    }

    public string NameOf(string code) => Indicators.FirstOrDefault(i => i.Code.Value == code)?.Name ?? code;

    public static string ShowMonths(IReadOnlyList<decimal> months) => string.Join($"{MonthSeparator} ", months.Select(NumberEntry.Show));

    /// <summary>Twelve vi-VN numbers separated by ';' (a comma is the decimal mark); blank is no phasing. The count is the write path's to check.</summary>
    private static IReadOnlyList<decimal>? ParseMonths(string? text, out bool read)
    {
        read = true;
        if (string.IsNullOrWhiteSpace(text)) return null;
        var months = new List<decimal>();
        foreach (var part in text.Split(MonthSeparator))
        {
            if (!NumberEntry.TryParse(part, out var value) || value is null) { read = false; return null; }
            months.Add(value.Value);
        }
        return months;
    }
}
