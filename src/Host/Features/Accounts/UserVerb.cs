using GovReport.Host.Infrastructure.Storage;

namespace GovReport.Host.Features.Accounts;

/// <summary>
/// <c>user add --username U --password P --role R [--role R]… [--unit ID]… [--name "Họ tên"]</c>
/// creates the account or brings an existing one to exactly this (password reset, roles and units
/// replaced); <c>user disable|enable --username U</c>. Exit 0 done, 1 refused, 2 bad arguments.
/// </summary>
public static class UserVerb
{
    public const string Actor = "cli";

    public const string Usage = """
        usage: user add --username U --password P --role R [--role R]… [--unit ID]… [--name "Họ tên"]
               user disable --username U
               user enable --username U
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (!TryParse(args, out var parsed, out var error))
        {
            await Console.Error.WriteLineAsync(error + "\n" + Usage);
            return 2;
        }
        await using var app = GovReportApp.Build(["--Logging:LogLevel:Default=Warning"]);
        await MigrationService.MigrateAsync(app.Services, CancellationToken.None);
        return await RunAsync(parsed, app.Services, Console.Out, Console.Error, CancellationToken.None);
    }

    /// <summary>The verb's work against a host's services: the CLI and the tests share it.</summary>
    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (!TryParse(args, out var parsed, out var error))
        {
            await stderr.WriteLineAsync(error + "\n" + Usage);
            return 2;
        }
        return await RunAsync(parsed, services, stdout, stderr, ct);
    }

    private static async Task<int> RunAsync(Parsed parsed, IServiceProvider services, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var writer = services.GetRequiredService<AccountWriter>();
        var refused = parsed.Action == "add"
            ? await writer.SetUpAsync(parsed.Request, Actor, ct)
            : await writer.SetDisabledAsync(parsed.Request.Username, parsed.Action == "disable", Actor, ct);
        if (refused is not null)
        {
            await stderr.WriteLineAsync($"{refused.Code}: {refused.Message}");
            return 1;
        }
        await stdout.WriteLineAsync($"user {parsed.Action}: {parsed.Request.Username}");
        return 0;
    }

    private sealed record Parsed(string Action, AccountRequest Request);

    private static bool TryParse(string[] args, out Parsed parsed, out string error)
    {
        parsed = null!;
        if (args.Length == 0 || args[0] is not ("add" or "disable" or "enable"))
        {
            error = "The first argument is add, disable or enable.";
            return false;
        }
        var action = args[0];
        string? username = null, password = null, name = null;
        var roles = new List<string>();
        var units = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            var (option, inline) = args[i].Split('=', 2) is [var n, var v] && n.StartsWith("--", StringComparison.Ordinal) ? (n, v) : (args[i], null);
            var value = inline ?? (i + 1 < args.Length ? args[++i] : null);
            if (value is null)
            {
                error = $"{option} needs a value.";
                return false;
            }
            switch (option)
            {
                case "--username": username = value; break;
                case "--password": password = value; break;
                case "--name": name = value; break;
                case "--role": roles.Add(value); break;
                case "--unit": units.Add(value); break;
                default:
                    error = $"Unknown option '{option}'.";
                    return false;
            }
        }
        if (username is null)
        {
            error = "--username is required.";
            return false;
        }
        if (action == "add" && (password is null || roles.Count == 0))
        {
            error = "user add needs --password and at least one --role.";
            return false;
        }
        if (action != "add" && (password ?? name) is not null || action != "add" && roles.Count + units.Count > 0)
        {
            error = $"user {action} takes only --username.";
            return false;
        }
        parsed = new Parsed(action, new AccountRequest(username, password, roles, units, name));
        error = "";
        return true;
    }
}
