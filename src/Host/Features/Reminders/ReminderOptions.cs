namespace GovReport.Host.Features.Reminders;

/// <summary>
/// Reminders to units that have not reported (section <c>Reminders</c>): <c>DaysBefore</c> the
/// deadline an "approaching" one, the day after it an "overdue" one; <c>WebhookUrl</c>, where set,
/// receives each as JSON besides the in-app list; <c>Smtp</c>, where set, e-mails each to the unit's
/// addresses. <c>SweepInterval</c> is how often the host looks.
/// </summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    public bool Enabled { get; set; } = true;
    public int DaysBefore { get; set; } = 2;
    public string? WebhookUrl { get; set; }
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(15);

    public ReminderSmtpOptions Smtp { get; set; } = new();

    public Uri? Webhook => Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;
}

/// <summary>
/// E-mail delivery (<c>Reminders:Smtp</c>): the relay's <c>Host</c> and <c>Port</c>, the <c>From</c>
/// address, and <c>Addresses</c>: unit id → its addresses (comma-separated). The catalogue keeps no
/// contact for a unit, so configuration is the only source; a unit without addresses gets no e-mail.
/// </summary>
public sealed class ReminderSmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string? From { get; set; }
    public bool EnableSsl { get; set; }
    public Dictionary<string, string> Addresses { get; set; } = [];

    public bool Configured => !string.IsNullOrWhiteSpace(Host) && Port is > 0 and <= 65535
        && System.Net.Mail.MailAddress.TryCreate(From, out _);

    /// <summary>The unit's valid addresses; none when e-mail is not configured.</summary>
    public IReadOnlyList<System.Net.Mail.MailAddress> AddressesOf(string unit) =>
        Configured && Addresses.TryGetValue(unit, out var list)
            ? list.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(a => System.Net.Mail.MailAddress.TryCreate(a, out var address) ? address : null)
                .OfType<System.Net.Mail.MailAddress>().ToList()
            : [];
}
