using GovReport.EventStore.Schema;
using Npgsql;

namespace GovReport.Host.Infrastructure.Messaging;

/// <summary>
/// What durable messages did, keyed by the fact they carry, so a redelivered message finds its
/// work done and does nothing: a push per approval event (stream, version), a reminder per
/// (unit, month, kind). Wolverine's own envelopes live in their own schema, managed by Wolverine.
/// </summary>
public static class MessagingSchema
{
    public const string Component = "messaging";

    public static readonly Migration[] Migrations =
    [
        new(1, "dhis2 pushes and reminders", """
            CREATE SCHEMA IF NOT EXISTS app;
            CREATE TABLE app.dhis2_pushes (
                stream_id  text        NOT NULL,
                version    bigint      NOT NULL,
                unit_id    text        NOT NULL,
                month      text        NOT NULL,
                outcome    text        NOT NULL,
                payload    text        NULL,
                pushed_at  timestamptz NOT NULL,
                PRIMARY KEY (stream_id, version));
            CREATE TABLE app.reminders (
                unit_id               text        NOT NULL,
                month                 text        NOT NULL,
                kind                  text        NOT NULL,
                deadline              date        NOT NULL,
                reminded_at           timestamptz NOT NULL,
                webhook_delivered_at  timestamptz NULL,
                PRIMARY KEY (unit_id, month, kind));
            """),
        new(2, "reminder e-mail delivery", """
            ALTER TABLE app.reminders ADD COLUMN email_delivered_at timestamptz NULL;
            """),
    ];

    public static Task MigrateAsync(NpgsqlDataSource dataSource, CancellationToken ct) =>
        SchemaMigrator.MigrateAsync(dataSource, Component, Migrations, ct);
}
