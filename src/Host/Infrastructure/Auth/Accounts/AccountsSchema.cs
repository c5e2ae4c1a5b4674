using GovReport.EventStore.Schema;
using Npgsql;

namespace GovReport.Host.Infrastructure.Auth.Accounts;

/// <summary>
/// What sign-in keeps outside the log: password hashes (a secret must be replaceable and erasable,
/// which the log is not) and recent failures for lockout. Both stay bounded: one hash per
/// account; a failure row per name tried within the lockout window, pruned once the window passes,
/// so with the rate limiter an attacker cannot grow the table faster than requests × window.
/// </summary>
public static class AccountsSchema
{
    public const string Component = "accounts";

    public static readonly Migration[] Migrations =
    [
        new(1, "credentials and sign-in failures", """
            CREATE SCHEMA IF NOT EXISTS app;
            CREATE TABLE app.credentials (
                username      text PRIMARY KEY,
                password_hash text NOT NULL,
                set_at        timestamptz NOT NULL);
            CREATE TABLE app.sign_in_failures (
                username        text PRIMARY KEY,
                failures        int NOT NULL,
                last_failure_at timestamptz NOT NULL,
                locked_until    timestamptz NULL);
            CREATE INDEX sign_in_failures_last_failure_at ON app.sign_in_failures (last_failure_at);
            """),
    ];

    public static Task MigrateAsync(NpgsqlDataSource dataSource, CancellationToken ct) =>
        SchemaMigrator.MigrateAsync(dataSource, Component, Migrations, ct);
}
