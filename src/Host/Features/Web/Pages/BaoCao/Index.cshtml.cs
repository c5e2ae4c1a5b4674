using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Host.Features.Reminders;
using GovReport.Host.Features.Reports;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Projections.Queries;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace GovReport.Host.Features.Web.Pages.BaoCao;

/// <summary>A unit's months of a year: each month's status, its deadline and whether it was met.</summary>
public sealed class IndexModel(
    NpgsqlDataSource dataSource, CatalogueReader catalogue, CallerAccess access, ReportingCalendar calendar, ReminderStore reminders, TimeProvider clock) : WebPage
{
    /// <summary>Open reminders shown at most: a unit behind on more months than this has a list to read below.</summary>
    private const int ShownReminders = 12;

    public sealed record MonthRow(Month Month, string Status, DateOnly Deadline, DateTimeOffset? SubmittedAt, bool? OnTime);

    public string UnitId { get; private set; } = "";
    public string UnitName { get; private set; } = "";
    public int Year { get; private set; }
    public IReadOnlyList<MonthRow> Months { get; private set; } = [];
    /// <summary>The unit's open in-app reminders (those <c>GET /api/reminders</c> lists, for months not yet filed), newest first.</summary>
    public IReadOnlyList<ReminderRow> Reminders { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string unitId, int? nam, CancellationToken ct)
    {
        var today = Periods.PeriodInput.Today(clock);
        if (!Domain.Catalogue.UnitId.TryParse(unitId, out var unit, out _)) return Missing($"Không có đơn vị '{unitId}'.");
        var year = nam ?? today.Year;
        if (!Periods.PeriodInput.TryYear(year, today, out _)) return Invalid("Năm không hợp lệ.");
        var row = await catalogue.UnitAsync(unit.Value, ct);
        if (row is null) return Missing($"Không có đơn vị '{unitId}'.");
        if (!await access.CanReadAsync(unit.Value, ct)) return Refuse();

        (UnitId, UnitName, Year) = (unit.Value, row.Name, year);
        var level = UnitKinds.Parse(row.Kind).Level();
        var reports = (await ListReportsEndpoint.ReadAsync(dataSource, unit.Value, year, ct)).ToDictionary(r => r.Month, StringComparer.Ordinal);
        var last = year < today.Year ? 12 : today.Month;
        Months = Enumerable.Range(1, last).Reverse().Select(m =>
        {
            var month = new Month(year, m);
            var report = reports.GetValueOrDefault(month.ToString());
            return new MonthRow(month, report?.Status ?? "none", report?.Deadline ?? calendar.Deadline(month, level), report?.SubmittedAt, report?.OnTime);
        }).ToList();
        Reminders = await reminders.OpenForUnitAsync(unit.Value, ShownReminders, ct);
        return Page();
    }
}
