using GovReport.Domain.Catalogue;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Http;
using GovReport.Projections.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovReport.Host.Features.Reminders;

public sealed record ReminderResponse(string Unit, string Month, string Kind, DateOnly Deadline, DateTimeOffset RemindedAt, bool WebhookDelivered, string Text);

/// <summary><c>GET /api/reminders?unit=</c>: the reminders a unit was sent, newest month first; readers of the unit only.</summary>
public sealed class RemindersEndpoints : IApiModule
{
    public void Map(RouteGroupBuilder api) =>
        api.MapGet("/reminders", GetAsync)
            .RequireAuthorization(Policies.ReadFigures)
            .WithName("GetReminders")
            .WithSummary("Reminders sent to a unit whose report was missing near or past its deadline.")
            .WithTags("Reports");

    public static async Task<Results<Ok<IReadOnlyList<ReminderResponse>>, ProblemHttpResult>> GetAsync(
        string? unit, CatalogueReader catalogue, CallerAccess access, ReminderStore store, CancellationToken ct)
    {
        var errors = new InputErrors();
        if (string.IsNullOrWhiteSpace(unit)) errors.Add("unit", "'unit' is required, e.g. unit=your-unit.");
        else if (!UnitId.TryParse(unit, out _, out var error)) errors.Add("unit", error!);
        else if (await catalogue.UnitAsync(unit, ct) is null) errors.Add("unit", $"No unit '{unit}' is registered.");
        if (errors.Any) return errors.ToProblem();
        if (!await access.CanReadAsync(unit!, ct)) return Problems.Forbidden($"You may not read the reminders of {unit}.");
        var rows = await store.ForUnitAsync(unit!, ct);
        return TypedResults.Ok<IReadOnlyList<ReminderResponse>>(rows
            .Select(r => new ReminderResponse(r.Unit, r.Month, r.Kind, r.Deadline, r.RemindedAt, r.WebhookDeliveredAt is not null,
                ReminderText.For(r.Unit, r.Month, r.Kind, r.Deadline)))
            .ToList());
    }
}
