namespace GovReport.Host.Features.Dhis2.Push;

/// <summary>Wolverine's entry point; the work and its idempotency live in <see cref="Dhis2Pusher"/>.</summary>
public static class Dhis2PushHandler
{
    public static Task Handle(PushApprovedFigures message, Dhis2Pusher pusher, CancellationToken ct) => pusher.PushAsync(message, ct);
}
