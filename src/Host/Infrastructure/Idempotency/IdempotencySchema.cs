using GovReport.EventStore.Schema;
using Npgsql;

namespace GovReport.Host.Infrastructure.Idempotency;

/// <summary>First answers to writes sent with an Idempotency-Key, kept so a repeat gets the same answer.</summary>
public static class IdempotencySchema
{
    public const string Component = "idempotency";

    private static readonly Migration[] Migrations =
    [
        new(1, "idempotency keys", """
            CREATE SCHEMA IF NOT EXISTS app;
            CREATE TABLE app.idempotency_keys (
                subject      text        NOT NULL,
                key          text        NOT NULL,
                fingerprint  text        NOT NULL,
                status       int         NOT NULL,
                content_type text        NULL,
                etag         text        NULL,
                location     text        NULL,
                body         bytea       NOT NULL,
                created_at   timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (subject, key));
            """),
        // Keys belong to the caller's whole identity and one target; answers remember what they were
        // allowed so a replay is allowed again. Rows from before have scope '' and never match again.
        new(2, "idempotency scope, grants and expiry", """
            ALTER TABLE app.idempotency_keys
                ADD COLUMN scope  text NOT NULL DEFAULT '',
                ADD COLUMN grants text NULL,
                DROP CONSTRAINT idempotency_keys_pkey,
                ADD PRIMARY KEY (subject, scope, key);
            CREATE INDEX idempotency_keys_created_at ON app.idempotency_keys (created_at);
            """),
    ];

    public static Task MigrateAsync(NpgsqlDataSource dataSource, CancellationToken ct) =>
        SchemaMigrator.MigrateAsync(dataSource, Component, Migrations, ct);
}
