using System.Security.Cryptography;
using GovReport.Domain;
using GovReport.Domain.Numbers;
using GovReport.Domain.Periods;
using GovReport.Domain.Reports;
using GovReport.EventStore;
using GovReport.Host.Features.Reports;
using GovReport.Host.Infrastructure.Writes;
using GovReport.Projections.Queries;
using Npgsql;

namespace GovReport.Host.Features.Imports;

/// <summary>What to import: the file as sent, the month, and how.</summary>
/// <param name="MayFile">The caller's right to file for a unit (the API's); null for the operator's CLI, which acts with the database's rights.</param>
internal sealed record WorkbookRequest(
    string FileName, byte[] Content, string Month, NumberCulture Culture, bool Submit, bool Partial,
    string Actor, string? CorrelationId, Func<string, CancellationToken, Task<bool>>? MayFile);

/// <summary>One unit of the workbook after the import: <c>imported</c> (events appended), <c>unchanged</c> (nothing to append, e.g. the same workbook again) or <c>refused</c>.</summary>
public sealed record WorkbookUnitOutcome(string Unit, string Where, string Status, int Appended, long Version);

/// <summary>How the import ended. <see cref="Forbidden"/> names the units the caller may not file for: then nothing was imported.</summary>
public sealed record WorkbookResult(
    string Source, string Month, IReadOnlyList<WorkbookUnitOutcome> Units, IReadOnlyList<WorkbookError> Errors,
    IReadOnlyList<string> Notes, string? Forbidden)
{
    public int Appended => Units.Sum(u => u.Appended);

    /// <summary>Whether anything was refused; without <c>partial</c> that means nothing was appended.</summary>
    public bool HasErrors => Errors.Count > 0;
}

/// <summary>
/// Imports a multi-unit workbook (<see cref="UnitWorkbook"/>) for one month. Every unit's figures
/// go through the single import's checks (the indicator and number readers, then the report's own
/// rules, <see cref="ReportInput"/>), then every unit's command through the report decider; only
/// when all pass are the events appended, in one transaction chained to the versions read
/// (<see cref="StreamCommands.ExecuteAllAsync"/>). With <c>partial</c>, the good units go in
/// together and each bad one is named. A caller who may not file for one of the units gets
/// nothing imported. The events' source is the file's SHA-256, and a unit whose report already
/// holds an event of that source is left alone, so importing the same workbook again appends nothing.
/// </summary>
internal sealed class WorkbookImporter(
    StreamCommands commands, CatalogueReader catalogue, ReportingCalendar calendar, TimeProvider clock,
    NpgsqlDataSource dataSource, RestructuringQueries restructurings)
{
    private sealed record Ready(UnitSheet Sheet, ReportTarget Target, IReadOnlyList<FigureValue> Figures);

    /// <exception cref="SheetRejectedException">The file as a whole cannot be read.</exception>
    public async Task<WorkbookResult> ImportAsync(WorkbookRequest request, CancellationToken ct)
    {
        var source = $"import:sha256:{Convert.ToHexStringLower(SHA256.HashData(request.Content))}";
        var (sheets, readErrors) = UnitWorkbook.Read(request.FileName, request.Content);
        var errors = readErrors.ToList();
        var notes = new List<string>();
        var now = clock.GetUtcNow();
        var today = ReportInput.Today(now);
        WorkbookResult Result(IReadOnlyList<WorkbookUnitOutcome> units, string? forbidden = null) =>
            new(source, request.Month, units, errors.Distinct().ToList(), notes, forbidden);

        // The units first: every one must be known, once, and the caller's, before any figure is judged.
        var units = await catalogue.UnitsAsync(ct);
        var resolved = new List<(UnitSheet Sheet, UnitRow Unit)>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var sheet in sheets)
        {
            if (UnitWorkbook.ResolveUnit(sheet.Unit, units, out var unknown) is not { } unit)
                errors.Add(new WorkbookError(sheet.Where, sheet.Unit, null, unknown!));
            else if (seen.TryGetValue(unit.Id, out var earlier))
                errors.Add(new WorkbookError(sheet.Where, unit.Id, null, $"{unit.Id} already has figures at {earlier}; give each unit once."));
            else
            {
                seen[unit.Id] = sheet.Where;
                resolved.Add((sheet, unit));
            }
        }
        if (request.MayFile is { } mayFile)
        {
            var refused = new List<string>();
            foreach (var (_, unit) in resolved)
                if (!await mayFile(unit.Id, ct)) refused.Add(unit.Id);
            if (refused.Count > 0)
                return Result([], $"You may not file reports for {string.Join(", ", refused)}; nothing was imported.");
        }

        var indicators = await catalogue.IndicatorsAsync(ct);
        var ready = new List<Ready>();
        foreach (var (sheet, unit) in resolved)
        {
            var before = errors.Count;
            var mapped = SheetFigures.Map(sheet.Rows, indicators, request.Culture,
                (row, issue) => errors.Add(new WorkbookError(row.Place, unit.Id, issue.Indicator ?? row.Indicator, issue.Message)));
            notes.AddRange(mapped.Notes.Select(n => $"{unit.Id}: {n}"));
            if (sheet.Rows.Count == 0 && errors.Count == before)
                errors.Add(new WorkbookError(sheet.Where, unit.Id, null, "no figures for this unit."));
            var inputErrors = new Infrastructure.Http.InputErrors();
            var target = await ReportInput.ResolveAsync(unit.Id, request.Month, catalogue, today, inputErrors, ct);
            if (target is not null && await RetiredAsync(target, ct) is { } retired)
                errors.Add(new WorkbookError(sheet.Where, unit.Id, null, retired));
            IReadOnlyList<FigureValue>? figures = null;
            if (target is not null && errors.Count == before)
                figures = await ReportInput.FiguresAsync(mapped.Figures, required: true, target, today, catalogue, inputErrors, ct);
            foreach (var (field, message) in inputErrors.All)
            {
                var i = FigureIndex(field);
                errors.Add(i is { } at && at < mapped.Places.Count
                    ? new WorkbookError(mapped.Places[at], unit.Id, mapped.Figures[at].Indicator, message)
                    : new WorkbookError(field == "month" ? "month" : sheet.Where, unit.Id, null, message));
            }
            if (errors.Count == before && target is not null && figures is not null) ready.Add(new Ready(sheet, target, figures));
        }

        var outcomes = resolved.Where(r => !ready.Any(x => x.Sheet == r.Sheet))
            .Select(r => new WorkbookUnitOutcome(r.Unit.Id, r.Sheet.Where, "refused", 0, 0)).ToList();
        if (errors.Count > 0 && !request.Partial)
            return Result(resolved.Select(r => new WorkbookUnitOutcome(r.Unit.Id, r.Sheet.Where, ready.Any(x => x.Sheet == r.Sheet) ? "unchanged" : "refused", 0, 0)).ToList());

        var metadata = new EventMetadata(request.Actor, source, request.CorrelationId, Reason: $"imported from {request.FileName}");
        // A unit the decider refuses (a draft over a submitted report) is an error like any other:
        // all or nothing again, or, partially, the rest goes in without it.
        while (true)
        {
            var batch = new List<(string, ReportCommand)>();
            foreach (var r in ready) batch.Add((StreamIds.Report(r.Target.Unit, r.Target.Month), await CommandAsync(r, request, now, ct)));
            var results = await commands.ExecuteAllAsync(batch, ReportDecider.Decider, metadata, oncePerSource: true, ct);
            var refusedNow = ready.Zip(results).Where(p => p.Second.Error is not null).ToList();
            foreach (var (r, outcome) in refusedNow)
                errors.Add(new WorkbookError(r.Sheet.Where, r.Target.Unit.Value, null, outcome.Error!.Message));
            if (refusedNow.Count == 0)
            {
                outcomes.AddRange(ready.Zip(results).Select(p => new WorkbookUnitOutcome(
                    p.First.Target.Unit.Value, p.First.Sheet.Where, p.Second.Appended > 0 ? "imported" : "unchanged", p.Second.Appended, p.Second.Version)));
                return Result(Ordered(outcomes, resolved));
            }
            outcomes.AddRange(refusedNow.Select(p => new WorkbookUnitOutcome(p.First.Target.Unit.Value, p.First.Sheet.Where, "refused", 0, p.Second.Version)));
            if (!request.Partial)
                return Result(Ordered(outcomes.Concat(ready.Except(refusedNow.Select(p => p.First))
                    .Select(r => new WorkbookUnitOutcome(r.Target.Unit.Value, r.Sheet.Where, "unchanged", 0, 0))).ToList(), resolved));
            ready = ready.Except(refusedNow.Select(p => p.First)).ToList();
        }
    }

    private static List<WorkbookUnitOutcome> Ordered(List<WorkbookUnitOutcome> outcomes, List<(UnitSheet Sheet, UnitRow Unit)> resolved) =>
        outcomes.OrderBy(o => resolved.FindIndex(r => r.Sheet.Where == o.Where)).ToList();

    /// <summary>A submission carries the data-quality warnings the API's would (issue 13): recorded for the approver, never a refusal.</summary>
    private async Task<ReportCommand> CommandAsync(Ready r, WorkbookRequest request, DateTimeOffset now, CancellationToken ct)
    {
        if (!request.Submit) return new SaveDraft(r.Target.Unit, r.Target.Month, r.Figures, null, request.Actor, now);
        var quality = await UnitHistory.QualityContextAsync(dataSource, catalogue, r.Target.Unit, r.Target.Month, ct);
        return SubmitReport.Judged(calendar, r.Target.Level, r.Target.Unit, r.Target.Month, r.Figures, null, request.Actor, now) with { Quality = quality };
    }

    /// <summary>A merged, split or dissolved unit files nothing from the restructuring's month on, as on the API.</summary>
    private async Task<string?> RetiredAsync(ReportTarget target, CancellationToken ct)
    {
        return await Restructurings.RetiredUnit.RetiringAsync(restructurings, target, ct) is { } r ? Restructurings.RetiredUnit.Message(r, target) : null;
    }

    private static int? FigureIndex(string field) =>
        field.StartsWith("values[", StringComparison.Ordinal) && field.IndexOf(']') is > 7 and var end
        && int.TryParse(field.AsSpan(7, end - 7), out var i) ? i : null;
}
