using Npgsql;
using Wolverine;
using Wolverine.RDBMS;
using Wolverine.Runtime;

namespace GovReport.Host.Infrastructure.Messaging;

/// <summary>
/// Wolverine's outbox on a transaction of our own: messages published after enlisting are stored
/// in Wolverine's tables by that transaction, so they commit (or roll back) with our own writes.
/// After the commit, <see cref="FlushAsync"/> hands them to their queue; if the host dies first,
/// Wolverine's recovery finds them stored and sends them.
/// </summary>
internal static class Outbox
{
    public static async Task EnlistAsync(IMessageContext context, NpgsqlTransaction transaction)
    {
        var bus = (MessageBus)context;
        if (bus.Storage is not IMessageDatabase database)
            throw new InvalidOperationException("Messaging:Enabled is off, or Wolverine does not persist to PostgreSQL: there is no outbox to enlist in.");
        await bus.EnlistInOutboxAsync(new DatabaseEnvelopeTransaction(database, transaction));
    }

    public static Task FlushAsync(IMessageContext context) => ((MessageContext)context).FlushOutgoingMessagesAsync();
}
