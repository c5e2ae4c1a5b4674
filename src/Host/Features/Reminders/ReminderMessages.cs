namespace GovReport.Host.Features.Reminders;

public static class ReminderKinds
{
    /// <summary>The deadline is near and the unit has not submitted.</summary>
    public const string Approaching = "approaching";
    /// <summary>The deadline has passed and the unit has not submitted.</summary>
    public const string Overdue = "overdue";
}

/// <summary>Remind one unit of one month's report; (unit, month, kind) is the fact, reminded once.</summary>
public sealed record RemindUnit(string Unit, string Month, string Kind, DateOnly Deadline);

/// <summary>Deliver a stored reminder to the configured webhook, once.</summary>
public sealed record DeliverReminderWebhook(string Unit, string Month, string Kind, DateOnly Deadline);

/// <summary>E-mail a stored reminder to the unit's configured addresses, once.</summary>
public sealed record DeliverReminderEmail(string Unit, string Month, string Kind, DateOnly Deadline);
