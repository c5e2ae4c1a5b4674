namespace GovReport.Host.Features.Reminders;

/// <summary>
/// Reminders to units that have not reported (section <c>Reminders</c>): <c>DaysBefore</c> the
/// deadline an "approaching" one, the day after it an "overdue" one; <c>WebhookUrl</c>, where set,
/// receives each as JSON besides the in-app list. <c>SweepInterval</c> is how often the host looks.
/// </summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    public bool Enabled { get; set; } = true;
    public int DaysBefore { get; set; } = 2;
    public string? WebhookUrl { get; set; }
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(15);

    public Uri? Webhook => Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;
}
