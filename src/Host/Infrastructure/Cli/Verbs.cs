namespace GovReport.Host.Infrastructure.Cli;

/// <summary>
/// Dispatches the first argument to a CLI verb. Without a verb (no arguments, or arguments that
/// start with "--" as WebApplicationFactory passes them) the host serves HTTP.
/// </summary>
public static class Verbs
{
    private static readonly Dictionary<string, Func<string[], Task<int>>> All =
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["serve"] = ServeVerb.RunAsync,
            ["token"] = TokenVerb.RunAsync,
            ["rebuild"] = RebuildVerb.RunAsync,
            ["seed"] = SeedVerb.RunAsync,
            ["verify"] = Features.Audit.VerifyVerb.RunAsync,
            ["replay"] = Features.Audit.ReplayVerb.RunAsync,
            ["import"] = Features.Imports.ImportVerb.RunAsync,
            ["user"] = Features.Accounts.UserVerb.RunAsync,
        };

    public static IReadOnlyCollection<string> Names => All.Keys;

    public static Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
            return ServeVerb.RunAsync(args);
        if (All.TryGetValue(args[0], out var verb))
            return verb(args[1..]);
        Console.Error.WriteLine($"Unknown verb '{args[0]}'. Verbs: {string.Join(", ", All.Keys)}.");
        return Task.FromResult(2);
    }
}
