using System.Globalization;

namespace GovReport.Benchmarks.EventStore;

/// <param name="Events">N: rows for raw COPY, bulk appends, scans and catch-up.</param>
/// <param name="SingleEvents">M: events appended one stream at a time (far slower: one commit each).</param>
public sealed record EventStoreOptions(int Events, int SingleEvents, bool Keep, string ConnectionString)
{
    public const int EventsPerStream = 10;
    public const int StreamsPerBulkCall = 1_000;
    public static readonly int[] PageSizes = [1_000, 5_000, 20_000];
    public const int HeadlinePageSize = 5_000;

    public static EventStoreOptions? Parse(string[] args, out string? error)
    {
        int events = 1_000_000, single = 20_000;
        bool keep = false, quick = false;
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick": quick = true; break;
                case "--keep": keep = true; break;
                case "--events" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0:
                    events = n; i++; break;
                case "--single" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var m) && m > 0:
                    single = m; i++; break;
                default:
                    error = $"Unknown or incomplete option '{args[i]}'. Options: [--events N] [--single M] [--quick] [--keep].";
                    return null;
            }
        }
        if (quick && !args.Contains("--events")) events = 100_000;
        if (quick && !args.Contains("--single")) single = 5_000;
        // Whole streams and whole bulk calls keep every phase the same shape.
        events = RoundUp(events, EventsPerStream * StreamsPerBulkCall);
        single = RoundUp(single, EventsPerStream);

        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__GovReport");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            error = "Set ConnectionStrings__GovReport (ops/bench does it through ops/db-setup).";
            return null;
        }
        return new EventStoreOptions(events, single, keep, connectionString);
    }

    private static int RoundUp(int value, int step) => (value + step - 1) / step * step;
}
