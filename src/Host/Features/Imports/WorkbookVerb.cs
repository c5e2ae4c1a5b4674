using System.Text.Json;

namespace GovReport.Host.Features.Imports;

/// <summary>
/// <c>import --month YYYY-MM --file WORKBOOK [--partial] [--submit] [--culture …] [--actor NAME]</c>:
/// a district's or province's workbook of all its units (<see cref="UnitWorkbook"/>), imported by
/// <see cref="WorkbookImporter"/>. Every bad line goes to stderr as
/// <c>file: place: unit: indicator: message</c>. Exit 0 when every unit went in (or was already
/// in), 1 when something was refused and so nothing was appended, 3 (<see cref="ImportVerb.PartlyImported"/>)
/// when <c>--partial</c> saved the good units and refused the others; the units' outcomes go to stdout as JSON.
/// </summary>
internal static class WorkbookVerb
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(
        IServiceProvider services, IReadOnlyDictionary<string, string> options, bool submit, bool partial,
        TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (!ImportVerb.TryCulture(options.GetValueOrDefault("--culture") ?? "vi-VN", out var culture))
            return ImportVerb.Usage(stderr, "--culture is vi-VN (the default), en-US or unknown (only figures that read the same both ways).");
        var file = new FileInfo(options["--file"]);
        if (!file.Exists) return ImportVerb.Usage(stderr, $"{options["--file"]} does not exist.");
        if (file.Length > WorkbookLimits.MaxBytes)
            return ImportVerb.Reject(stderr, file.Name, new SheetRejectedException(SheetProblem.TooLarge,
                $"the file is {file.Length:N0} bytes; a workbook of a province's units fits in {WorkbookLimits.MaxBytes:N0}."));

        var content = await File.ReadAllBytesAsync(file.FullName, ct);
        var actor = options.GetValueOrDefault("--actor") ?? $"cli:{Environment.UserName}";
        var importer = ActivatorUtilities.CreateInstance<WorkbookImporter>(services);
        WorkbookResult result;
        try
        {
            result = await importer.ImportAsync(
                new WorkbookRequest(file.Name, content, options["--month"], culture, submit, partial, actor, null, MayFile: null), ct);
        }
        catch (SheetRejectedException rejected)
        {
            return ImportVerb.Reject(stderr, file.Name, rejected);
        }
        catch (CsvHelper.CsvFormatException e)
        {
            return ImportVerb.Reject(stderr, file.Name, new SheetRejectedException(SheetProblem.NotText, $"the CSV cannot be read ({e.Message.Split('\n')[0].TrimEnd('.')})."));
        }

        foreach (var note in result.Notes) stderr.WriteLine($"{file.Name}: {note}");
        foreach (var error in result.Errors) stderr.WriteLine($"{file.Name}: {error}");
        var saved = result.Units.Where(u => u.Status != "refused").ToList();
        if (result.HasErrors && (!partial || saved.Count == 0))
        {
            stderr.WriteLine($"{file.Name}: nothing was imported.");
            return 1;
        }
        if (result.HasErrors)
            stderr.WriteLine($"{file.Name}: {saved.Count} units imported; {result.Units.Count - saved.Count} refused (named above).");
        stdout.WriteLine(JsonSerializer.Serialize(new
        {
            file = file.Name, source = result.Source, month = result.Month, appended = result.Appended,
            units = result.Units, refused = result.Errors,
        }, Json));
        return result.HasErrors ? ImportVerb.PartlyImported : 0;
    }
}

/// <summary>How large a workbook of many units may be: a province's communes are a few hundred sheets or rows.</summary>
internal static class WorkbookLimits
{
    public const long MaxBytes = 10 * 1024 * 1024;
}
