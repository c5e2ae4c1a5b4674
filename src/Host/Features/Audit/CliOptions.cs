namespace GovReport.Host.Features.Audit;

/// <summary>
/// Splits a verb's own <c>--name value</c> options from the rest, which go to the host builder
/// (so <c>--ConnectionStrings:GovReport=…</c> still configures the database).
/// </summary>
internal static class CliOptions
{
    public static (Dictionary<string, string> Own, string[] Host, string? Error) Split(string[] args, params string[] names)
    {
        var own = new Dictionary<string, string>(StringComparer.Ordinal);
        var host = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var (name, inline) = args[i].Split('=', 2) is [var n, var v] ? (n, v) : (args[i], null);
            if (!names.Contains(name, StringComparer.Ordinal))
            {
                host.Add(args[i]);
                continue;
            }
            var value = inline ?? (i + 1 < args.Length ? args[++i] : null);
            if (string.IsNullOrWhiteSpace(value)) return (own, [], $"{name} needs a value.");
            own[name] = value;
        }
        return (own, host.ToArray(), null);
    }
}
