using GovReport.Domain.Accounts;
using GovReport.EventStore;

namespace GovReport.Projections.ReadModels;

/// <summary>
/// Accounts as they stand, for sign-in and the session check on every page: one row each, with
/// roles and units as sorted arrays (sorted in the "C" collation so a replay writes the same bytes).
/// </summary>
internal static class AccountProjection
{
    public static Task ApplyAsync(ProjectionContext context, RecordedEvent recorded, AccountEvent @event) => @event switch
    {
        AccountRegistered e => context.ExecuteAsync("""
            INSERT INTO {0}.accounts (username, name, roles, units, disabled, registered_at, password_set_at, updated_at)
            VALUES (@user, @name, '{}', '{}', false, @at, NULL, @at)
            """, ("user", e.Username), ("name", e.Name), ("at", recorded.RecordedAt)),
        AccountRenamed e => Update(context, recorded, e, "name = @value", e.Name),
        // The instant the password last changed is the session stamp: a session signed in before it ends.
        PasswordSet e => Update(context, recorded, e, "password_set_at = @at", null),
        RoleGranted e => Update(context, recorded, e, Added("roles"), e.Role),
        RoleRevoked e => Update(context, recorded, e, "roles = array_remove(roles, @value)", e.Role),
        UnitGranted e => Update(context, recorded, e, Added("units"), e.Unit.Value),
        UnitRevoked e => Update(context, recorded, e, "units = array_remove(units, @value)", e.Unit.Value),
        AccountMovedToSuccessor e => MovedAsync(context, recorded, e),
        AccountDisabled e => Update(context, recorded, e, "disabled = true", null),
        AccountEnabled e => Update(context, recorded, e, "disabled = false", null),
        _ => Task.CompletedTask,
    };

    /// <summary>The account's units change, and the move is kept: a token naming the old unit acts for the new one.</summary>
    private static async Task MovedAsync(ProjectionContext context, RecordedEvent recorded, AccountMovedToSuccessor e)
    {
        await context.ExecuteAsync("""
            UPDATE {0}.accounts SET units = ARRAY(SELECT DISTINCT x COLLATE "C" FROM unnest(array_append(array_remove(units, @from), @to)) AS u(x) ORDER BY 1),
                   updated_at = @at WHERE username = @user
            """, ("user", e.Username), ("from", e.From.Value), ("to", e.To.Value), ("at", recorded.RecordedAt));
        await context.ExecuteAsync("""
            INSERT INTO {0}.account_moves (username, from_unit, to_unit, restructuring, moved_at, seq)
            VALUES (@user, @from, @to, @restructuring, @at, @seq)
            ON CONFLICT (username, from_unit) DO UPDATE SET to_unit = excluded.to_unit, restructuring = excluded.restructuring,
                moved_at = excluded.moved_at, seq = excluded.seq
            """, ("user", e.Username), ("from", e.From.Value), ("to", e.To.Value), ("restructuring", e.Restructuring),
            ("at", recorded.RecordedAt), ("seq", recorded.Sequence));
    }

    private static string Added(string column) =>
        $"{column} = ARRAY(SELECT DISTINCT x COLLATE \"C\" FROM unnest(array_append({column}, @value)) AS u(x) ORDER BY 1)";

    private static Task Update(ProjectionContext context, RecordedEvent recorded, AccountEvent e, string set, string? value) =>
        context.ExecuteAsync($"UPDATE {{0}}.accounts SET {set}, updated_at = @at WHERE username = @user",
            ("user", e.Username), ("value", value), ("at", recorded.RecordedAt));
}
