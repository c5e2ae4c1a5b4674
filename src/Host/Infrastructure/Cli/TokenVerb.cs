using System.Globalization;
using GovReport.Host.Infrastructure.Auth;

namespace GovReport.Host.Infrastructure.Cli;

/// <summary>
/// <c>token --role admin [--role planner] [--unit ID]… [--sub NAME] [--hours N] [--environment ENV]</c>:
/// prints only a signed JWT on stdout, so <c>TOKEN=$(dotnet run --project src/Host -- token --role admin)</c> works.
/// </summary>
public static class TokenVerb
{
    public const string DefaultEnvironment = "Development";

    public sealed record Request(string Subject, IReadOnlyList<string> Roles, IReadOnlyList<string> Units, TimeSpan? Lifetime, string Environment);

    public static Task<int> RunAsync(string[] args) => Task.FromResult(Run(args, Console.Out, Console.Error));

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (!TryParse(args, out var request, out var error))
        {
            stderr.WriteLine(error);
            stderr.WriteLine(Usage);
            return 2;
        }
        var options = LoadOptions(request.Environment);
        if (Refusal(options, request) is { } refusal)
        {
            stderr.WriteLine(refusal);
            stderr.WriteLine(Usage);
            return 2;
        }
        stdout.WriteLine(CreateToken(options, request, TimeProvider.System.GetUtcNow()));
        return 0;
    }

    private const string Usage = "usage: token --role ROLE [--role ROLE]… [--unit ID]… [--sub NAME] [--hours N] [--environment ENV]";

    /// <summary>Why no token can be printed for this request, or null: the host would refuse what we signed.</summary>
    public static string? Refusal(AuthOptions options, Request request)
    {
        if (options.SigningKeys.Length == 0)
            return $"No Auth:SigningKeys configured for environment '{request.Environment}'.";
        if (options.SigningKeys[0] == AuthOptions.DevelopmentKey
            && !string.Equals(request.Environment, DefaultEnvironment, StringComparison.OrdinalIgnoreCase))
            return $"Environment '{request.Environment}' is configured with the public development key, which only Development accepts.";
        if (request.Lifetime is { } lifetime && lifetime > options.MaxTokenLifetime)
            return $"--hours may be at most {options.MaxTokenLifetime.TotalHours:0.##} (Auth:MaxTokenLifetime).";
        return null;
    }

    public static string CreateToken(AuthOptions options, Request request, DateTimeOffset now) =>
        TokenIssuer.Create(options, request.Subject, request.Roles, request.Units, now, request.Lifetime);

    public static bool TryParse(string[] args, out Request request, out string error)
    {
        var roles = new List<string>();
        var units = new List<string>();
        string? subject = null;
        TimeSpan? lifetime = null;
        var environment = System.Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? System.Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? DefaultEnvironment;
        request = null!;

        for (var i = 0; i < args.Length; i++)
        {
            var (name, inline) = args[i].Split('=', 2) is [var n, var v] ? (n, v) : (args[i], null);
            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                error = $"Unexpected argument '{args[i]}'.";
                return false;
            }
            var value = inline ?? (i + 1 < args.Length ? args[++i] : null);
            if (value is null)
            {
                error = $"{name} needs a value.";
                return false;
            }
            switch (name)
            {
                case "--role":
                    if (!Auth.Roles.IsKnown(value))
                    {
                        error = $"Unknown role '{value}'. Roles: {string.Join(", ", Auth.Roles.All)}.";
                        return false;
                    }
                    roles.Add(value);
                    break;
                case "--unit": units.Add(value); break;
                case "--sub": subject = value; break;
                case "--environment": environment = value; break;
                case "--hours":
                    if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var hours) || hours <= 0)
                    {
                        error = $"--hours needs a positive number, not '{value}'.";
                        return false;
                    }
                    lifetime = TimeSpan.FromHours(hours);
                    break;
                default:
                    error = $"Unknown option '{name}'.";
                    return false;
            }
        }
        if (roles.Count == 0)
        {
            error = "At least one --role is required.";
            return false;
        }
        request = new Request(subject ?? $"dev-{roles[0]}", roles, units, lifetime, environment);
        error = "";
        return true;
    }

    /// <summary>The same sources the host reads: appsettings beside the binary, then environment variables.</summary>
    public static AuthOptions LoadOptions(string environment)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        return configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
    }
}
