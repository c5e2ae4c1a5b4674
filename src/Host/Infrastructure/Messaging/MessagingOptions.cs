namespace GovReport.Host.Infrastructure.Messaging;

/// <summary>
/// Durable messaging through Wolverine (section <c>Messaging</c>). <see cref="Enabled"/> off keeps
/// Wolverine as an in-process mediator only: no message tables, no relay, no reminders; the test
/// hosts that do not exercise messaging run that way.
/// </summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    public bool Enabled { get; set; } = true;

    /// <summary>Wolverine's own tables live here, apart from the event store and the read models.</summary>
    public string Schema { get; set; } = "wolverine";

    /// <summary>
    /// Solo (the default) recovers every persisted message at start, right for one host. Balanced
    /// elects an owner per node and hands a dead node's messages over: set it where hosts scale out.
    /// </summary>
    public bool Balanced { get; set; }
}
