using System.Text.Json;
using GovReport.Domain.Restructurings;
using GovReport.EventStore;
using GovReport.Projections.Serialization;

namespace GovReport.Projections.ReadModels;

/// <summary>
/// Restructurings, one row each, and what they change in the catalogue as it stands: a move
/// gives the unit its new parent, a rename its new name (a revert gives back the old ones).
/// Which months see which shape is the domain's <see cref="Lineage"/>, read from these rows.
/// </summary>
internal static class RestructuringProjection
{
    public static async Task ApplyAsync(ProjectionContext context, RecordedEvent recorded, RestructuringEvent @event)
    {
        if (RestructuringEvents.Recorded(@event) is { } r)
        {
            await context.ExecuteAsync("""
                INSERT INTO {0}.restructurings (id, kind, effective_month, units, body, recorded_at, recorded_by, seq)
                VALUES (@id, @kind, @month, @units, @body::jsonb, @at, @by, @seq)
                ON CONFLICT (id) DO NOTHING
                """, ("id", r.Id), ("kind", r.Kind.ToApiString()), ("month", r.EffectiveMonth.ToString()),
                ("units", r.Units.Select(u => u.Value).ToArray()), ("body", JsonSerializer.Serialize(r, EventSerializer.Options)),
                ("at", recorded.RecordedAt), ("by", recorded.Metadata.Actor), ("seq", recorded.Sequence));
            switch (@event)
            {
                case UnitTransferred e:
                    await context.ExecuteAsync("UPDATE {0}.units SET parent_id = @parent, updated_at = @at WHERE unit_id = @id",
                        ("id", e.Unit.Value), ("parent", e.ParentId?.Value), ("at", recorded.RecordedAt));
                    break;
                case UnitRenamedByDecision e:
                    await context.ExecuteAsync("UPDATE {0}.units SET name = @name, updated_at = @at WHERE unit_id = @id",
                        ("id", e.Unit.Value), ("name", e.Name), ("at", recorded.RecordedAt));
                    break;
            }
            return;
        }
        if (@event is not RestructuringReverted reverted) return;
        await context.ExecuteAsync("UPDATE {0}.restructurings SET reverted_at = @at, revert_reason = @reason WHERE id = @id",
            ("id", reverted.Id), ("at", recorded.RecordedAt), ("reason", reverted.Reason));
        if (reverted.Kind == RestructuringKind.Move)
            await context.ExecuteAsync("UPDATE {0}.units SET parent_id = @parent, updated_at = @at WHERE unit_id = @id",
                ("id", reverted.Units[0].Value), ("parent", reverted.PreviousParentId?.Value), ("at", recorded.RecordedAt));
        else if (reverted.Kind == RestructuringKind.Rename && reverted.PreviousName is { } name)
            await context.ExecuteAsync("UPDATE {0}.units SET name = @name, updated_at = @at WHERE unit_id = @id",
                ("id", reverted.Units[0].Value), ("name", name), ("at", recorded.RecordedAt));
    }
}
