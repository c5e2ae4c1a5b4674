using GovReport.Domain;
using GovReport.EventStore;
using GovReport.Host.Features.Audit;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Http;
using GovReport.Projections.Queries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GovReport.Host.Features.Web.Pages.KiemToan;

/// <summary>
/// One figure's history for an auditor: <see cref="FigureHistory"/> folded from the report's own
/// stream, as GET /api/audit/history answers it, under the same policy (auditors and admins).
/// </summary>
[Authorize(Policy = Policies.Audit)]
public sealed class LichSuModel(PgEventStore store, CatalogueReader catalogue, TimeProvider clock) : WebPage
{
    public string Unit { get; private set; } = "";
    public string UnitName { get; private set; } = "";
    public string IndicatorName { get; private set; } = "";
    public string Measure { get; private set; } = "";
    public string Period { get; private set; } = "";
    public DateTimeOffset? AsOf { get; private set; }
    public string Indicator { get; private set; } = "";
    public string PeriodId { get; private set; } = "";
    public string? AsOfText { get; private set; }
    public IReadOnlyList<FigureHistoryEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? unit, string? indicator, string? period, string? asOf, CancellationToken ct)
    {
        var errors = new InputErrors();
        var unitId = AuditParameters.Unit(unit, errors, required: true);
        var code = AuditParameters.Indicator(indicator, errors);
        var month = AuditParameters.Month(period, Periods.PeriodInput.Today(clock), errors);
        AsOf = errors.Instant("asOf", asOf);
        if (errors.Any) return Invalid("Cần chọn đơn vị, chỉ tiêu và tháng hợp lệ, ví dụ ?unit=xa-nong-thuong&indicator=forest-planted&period=2022-08.");

        var row = await catalogue.UnitAsync(unitId!.Value.Value, ct);
        var definition = (await catalogue.IndicatorsAsync([code!.Value], ct)).FirstOrDefault();
        if (row is null || definition is null) return Missing("Không có đơn vị hoặc chỉ tiêu này.");
        (Unit, UnitName, IndicatorName, Measure, Period) = (row.Id, row.Name, definition.Name, definition.Measure, month!.Value.Label);
        (Indicator, PeriodId, AsOfText) = (code.Value.Value, month.Value.ToString(), asOf?.Trim());

        // "As of" reads only what had been recorded by then: what an auditor would have seen that day.
        var stream = await store.ReadStreamAsync(StreamIds.Report(unitId.Value, month.Value), asOf: AsOf, ct: ct);
        Entries = FigureHistory.Of(stream, code.Value);
        return Page();
    }

    public static string SourceWords(string? source) => source switch
    {
        "web" => "Trang web",
        "api" => "API",
        "import" => "Nhập tệp",
        "seed" or "test-seed" => "Dữ liệu mẫu",
        null or "" => "—",
        _ => source,
    };
}
