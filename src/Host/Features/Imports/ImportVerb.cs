using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using GovReport.Domain;
using GovReport.Domain.Errors;
using GovReport.Domain.Numbers;
using GovReport.Domain.Periods;
using GovReport.Domain.Reports;
using GovReport.EventStore;
using GovReport.Host.Infrastructure.Idempotency;
using GovReport.Host.Infrastructure.Writes;
using GovReport.Host.Features.Audit;
using GovReport.Host.Features.Reports;
using GovReport.Host.Infrastructure.Storage;
using GovReport.Projections.Queries;

namespace GovReport.Host.Features.Imports;

/// <summary>
/// <c>import --unit ID --month YYYY-MM --file PATH [--culture vi-VN|en-US|unknown] [--submit] [--actor NAME]</c>:
/// a unit's figures for a month from a spreadsheet (see <see cref="FigureSheet"/>), saved as the
/// report's draft, or submitted with <c>--submit</c>, through the same checks and decider as the
/// API. The events name the file's SHA-256 as their source, so an auditor can match them to the
/// file. Nothing is appended unless every line is good: the errors go to stderr by line (exit 1),
/// the report as it then stands to stdout as JSON (exit 0). A file refused as a whole (unknown
/// format, empty, a zip bomb, past the reader's limits) gets one line and its own exit code, 10
/// and up (<see cref="SheetProblem"/>); bad arguments exit 2. It runs with the database's rights,
/// like <c>seed</c>: for an operator loading a unit's figures on its behalf. Without <c>--unit</c>,
/// the file is a workbook of several units (<see cref="WorkbookVerb"/>).
/// </summary>
public static partial class ImportVerb
{
    public const string Submit = "--submit";
    public const string Partial = "--partial";

    /// <summary>The exit code of a <c>--partial</c> workbook import that saved some units and refused others.</summary>
    public const int PartlyImported = 3;
    private const long MaxFileBytes = 10 * 1024 * 1024;
    private static readonly string[] Options = ["--unit", "--month", "--file", "--culture", "--actor"];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(string[] args)
    {
        var (_, hostArgs, error) = CliOptions.Split(OwnFlagsRemoved(args), Options);
        if (error is not null) return Usage(Console.Error, error);
        await using var app = GovReportApp.Build(hostArgs);
        await MigrationService.MigrateAsync(app.Services.GetRequiredService<PgEventStore>(), CancellationToken.None);
        return await RunAsync(app.Services, args, Console.Out, Console.Error);
    }

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct = default)
    {
        var (options, _, error) = CliOptions.Split(OwnFlagsRemoved(args), Options);
        if (error is not null) return Usage(stderr, error);
        if (!options.ContainsKey("--unit") && options.ContainsKey("--month") && options.ContainsKey("--file"))
            return await WorkbookVerb.RunAsync(services, options, args.Contains(Submit), args.Contains(Partial), stdout, stderr, ct);
        if (args.Contains(Partial)) return Usage(stderr, "--partial is for a workbook of several units (no --unit).");
        if (new[] { "--unit", "--month", "--file" }.FirstOrDefault(o => !options.ContainsKey(o)) is { } missing)
            return Usage(stderr, $"{missing} is required.");
        if (!TryCulture(options.GetValueOrDefault("--culture") ?? "vi-VN", out var culture))
            return Usage(stderr, "--culture is vi-VN (the default), en-US or unknown (only figures that read the same both ways).");
        var path = options["--file"];
        var file = new FileInfo(path);
        if (!file.Exists) return Usage(stderr, $"{path} does not exist.");
        if (file.Length > MaxFileBytes)
            return Reject(stderr, file.Name, new SheetRejectedException(SheetProblem.TooLarge,
                $"the file is {file.Length:N0} bytes; a month's figures fit in {MaxFileBytes:N0}."));

        var catalogue = services.GetRequiredService<CatalogueReader>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var today = ReportInput.Today(now);
        var inputErrors = new Infrastructure.Http.InputErrors();
        var target = await ReportInput.ResolveAsync(options["--unit"], options["--month"], catalogue, today, inputErrors, ct);

        // Read once: the hash the events carry is of exactly the bytes that were imported.
        var content = await File.ReadAllBytesAsync(path, ct);
        var lineErrors = new List<string>();
        IReadOnlyList<SheetRow> rows;
        try
        {
            (rows, var sheetErrors) = FigureSheet.Read(file.Name, content);
            lineErrors.AddRange(sheetErrors);
        }
        catch (SheetRejectedException rejected)
        {
            return Reject(stderr, file.Name, rejected);
        }
        catch (CsvHelper.CsvFormatException e)
        {
            return Reject(stderr, file.Name, new SheetRejectedException(SheetProblem.NotText, $"the CSV cannot be read ({e.Message.Split('\n')[0].TrimEnd('.')})."));
        }
        var mapped = SheetFigures.Map(rows, await catalogue.IndicatorsAsync(ct), culture, lineErrors);
        if (rows.Count == 0 && lineErrors.Count == 0) lineErrors.Add("no line holds an indicator and its value.");
        IReadOnlyList<FigureValue>? values = null;
        if (target is not null && lineErrors.Count == 0)
            values = await ReportInput.FiguresAsync(mapped.Figures, required: true, target, today, catalogue, inputErrors, ct);
        var errors = lineErrors.Concat(inputErrors.All.Select(e => Located(e, mapped.Lines))).ToList();
        if (errors.Count > 0 || target is null || values is null) return Fail(stderr, file.Name, errors);
        foreach (var note in mapped.Notes) stderr.WriteLine($"{file.Name}: {note}");

        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var actor = options.GetValueOrDefault("--actor") ?? $"cli:{Environment.UserName}";
        var metadata = new EventMetadata(actor, $"import:sha256:{hash}", Reason: $"imported from {file.Name}");
        var outcome = await services.GetRequiredService<StreamCommands>().ExecuteAsync(
            StreamIds.Report(target.Unit, target.Month), ifMatch: null, ReportDecider.Decider,
            Command(services, target, values, args.Contains(Submit), actor, now), metadata, ct);
        if (outcome.Error is { } refused) return Fail(stderr, file.Name, [$"{target.Unit} {target.Month}: {refused.Message}"]);

        stdout.WriteLine(JsonSerializer.Serialize(new { file = file.Name, source = metadata.Source, appended = outcome.Appended,
            report = ReportResponse.From(outcome.State, outcome.Version) }, Json));
        return 0;
    }

    private static ReportCommand Command(
        IServiceProvider services, ReportTarget target, IReadOnlyList<FigureValue> values, bool submit, string actor, DateTimeOffset now) =>
        submit
            ? SubmitReport.Judged(services.GetRequiredService<ReportingCalendar>(), target.Level,
                target.Unit, target.Month, values, null, actor, now)
            : new SaveDraft(target.Unit, target.Month, values, null, actor, now);

    /// <summary>An error of the report checks, named by the file's line rather than the body's index.</summary>
    private static string Located((string Field, string Message) error, IReadOnlyList<int> lines) =>
        ValueIndex().Match(error.Field) is { Success: true } m && int.Parse(m.Groups[1].Value) is var i && i < lines.Count
            ? $"line {lines[i]}: {error.Message}"
            : error.Field switch
            {
                "unitId" => $"--unit: {error.Message}",
                "month" => $"--month: {error.Message}",
                _ => error.Message,
            };

    [GeneratedRegex(@"^values\[(\d+)\]")]
    private static partial Regex ValueIndex();

    internal static bool TryCulture(string text, out NumberCulture culture)
    {
        culture = text.ToLowerInvariant() switch
        {
            "vi-vn" or "vi" => NumberCulture.ViVn,
            "en-us" or "en" => NumberCulture.EnUs,
            "unknown" => NumberCulture.Unknown,
            _ => (NumberCulture)(-1),
        };
        return Enum.IsDefined(culture);
    }

    private static string[] OwnFlagsRemoved(string[] args) => args.Where(a => a is not (Submit or Partial)).ToArray();

    private static int Fail(TextWriter stderr, string file, IEnumerable<string> errors)
    {
        foreach (var error in errors) stderr.WriteLine($"{file}: {error}");
        stderr.WriteLine($"{file}: nothing was imported.");
        return 1;
    }

    /// <summary>The whole file is refused: one line, and an exit code per kind of refusal (<see cref="SheetProblem"/>).</summary>
    internal static int Reject(TextWriter stderr, string file, SheetRejectedException rejected)
    {
        stderr.WriteLine($"{file}: {rejected.Message.TrimEnd('.')}; nothing was imported.");
        return (int)rejected.Problem;
    }

    internal static int Usage(TextWriter stderr, string error)
    {
        stderr.WriteLine(error);
        stderr.WriteLine("usage: import --unit ID --month YYYY-MM --file PATH.csv|.xlsx [--culture vi-VN|en-US|unknown] [--submit] [--actor NAME]");
        stderr.WriteLine("       import --month YYYY-MM --file WORKBOOK.csv|.xlsx [--partial] [--culture …] [--submit] [--actor NAME]   (several units)");
        return 2;
    }
}
