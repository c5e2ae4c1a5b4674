using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GovReport.Projections.ReadModels;
using GovReport.Projections.Rebuild;
using Npgsql;

namespace GovReport.Host.Features.Audit;

/// <summary>
/// <c>replay --to INSTANT [--schema NAME] [--replace]</c>: writes the read models as they stood at
/// an instant (only events recorded up to it) into their own schema, default
/// <c>rm_asof_yyyyMMddHHmmss</c>, for an auditor to query with SQL. The live models are untouched.
/// </summary>
public static class ReplayVerb
{
    private static readonly string[] Options = ["--to", "--schema"];

    // Schemas a replay must never drop and recreate: the live models, the log, the application's own.
    private static readonly string[] Reserved = [ReadModelSchema.Live, "es", "app", "public", "rm_rebuild", "information_schema"];

    public static async Task<int> RunAsync(string[] args)
    {
        var (_, hostArgs, error) = Split(args);
        if (error is not null) return Usage(Console.Error, error);
        await using var app = GovReportApp.Build(hostArgs);
        return await RunAsync(app.Services, args, Console.Out, Console.Error);
    }

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct = default)
    {
        var (options, _, error) = Split(args);
        if (error is not null) return Usage(stderr, error);
        if (!options.TryGetValue("--to", out var toText)) return Usage(stderr, "--to is required.");
        if (!DateTimeOffset.TryParse(toText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var to))
            return Usage(stderr, $"--to '{toText}' is not an instant; use ISO 8601, e.g. 2022-09-10T00:00:00Z.");
        var schema = options.GetValueOrDefault("--schema") ?? $"rm_asof_{to:yyyyMMddHHmmss}";
        if (Reserved.Contains(schema) || schema.StartsWith("pg_", StringComparison.Ordinal))
            return Usage(stderr, $"--schema {schema} is reserved; choose another name.");
        try { ReadModelSchema.Checked(schema); }
        catch (ArgumentException e) { return Usage(stderr, e.Message); }

        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        if (await ExistsAsync(dataSource, schema, ct) && !args.Contains("--replace"))
            return Usage(stderr, $"Schema {schema} already exists; pass --replace to rebuild it.");

        var clock = Stopwatch.StartNew();
        stderr.WriteLine($"replaying the events recorded up to {to:O} into {schema}");
        var result = await new ReadModelReplay(dataSource).ReplayAsOfAsync(schema, to,
            new SyncProgress<long>(n => stderr.WriteLine($"replay: {n} events")), ct);
        stdout.WriteLine(JsonSerializer.Serialize(
            new { schema, to, events = result.Events, elapsedMs = clock.ElapsedMilliseconds }, VerifyVerb.Json));
        return 0;
    }

    private static (Dictionary<string, string> Own, string[] Host, string? Error) Split(string[] args)
    {
        var (own, host, error) = CliOptions.Split(args, Options);
        return (own, host.Where(a => a != "--replace").ToArray(), error);
    }

    private static async Task<bool> ExistsAsync(NpgsqlDataSource dataSource, string schema, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = @schema)");
        command.Parameters.AddWithValue("schema", schema);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    private static int Usage(TextWriter stderr, string error)
    {
        stderr.WriteLine(error);
        stderr.WriteLine("usage: replay --to INSTANT [--schema NAME] [--replace]");
        return 2;
    }
}
