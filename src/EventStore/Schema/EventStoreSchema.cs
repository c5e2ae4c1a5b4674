namespace GovReport.EventStore.Schema;

/// <summary>The event store's own tables. Additive only: a shipped migration is never edited.</summary>
public static class EventStoreSchema
{
    public const string Component = "event-store";

    /// <summary>The channel an append notifies, so subscribers wake at once instead of polling.</summary>
    public const string NotificationChannel = "govreport_events";

    /// <summary>What an append whose stream moved on since it was read fails with (es.append_events).</summary>
    public const string StaleAppendSqlState = "GR409";

    /// <summary>
    /// What a runtime role (already quoted) may do with the log: read and append, nothing else.
    /// Run after the schema-wide grants, which these narrow.
    /// </summary>
    public static IReadOnlyList<string> RuntimeGrants(string role) =>
    [
        $"REVOKE ALL ON es.events FROM {role}",
        $"GRANT SELECT, INSERT ON es.events TO {role}",
        // A head only moves forward with an append; removing one is never the runtime's business.
        $"REVOKE DELETE, TRUNCATE ON es.streams FROM {role}",
        $"REVOKE ALL ON es.migrations FROM {role}",
        $"GRANT SELECT ON es.migrations TO {role}",
        $"REVOKE ALL ON {EventLog.Bodies} FROM {role}",
        $"GRANT SELECT ON {EventLog.Bodies} TO {role}",
    ];

    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "events, streams and subscriptions", """
            CREATE TABLE es.streams (
                stream_id  text        PRIMARY KEY,
                version    bigint      NOT NULL,
                head_hash  bytea       NOT NULL,
                created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL);

            -- tx_id is the appending transaction's id: subscribers read in (tx_id, seq) order below
            -- the oldest running transaction, which never skips an event that commits late.
            CREATE TABLE es.events (
                seq         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                tx_id       xid8        NOT NULL DEFAULT pg_current_xact_id(),
                stream_id   text        NOT NULL,
                version     bigint      NOT NULL,
                event_type  text        NOT NULL,
                data        jsonb       NOT NULL,
                metadata    jsonb       NOT NULL,
                recorded_at timestamptz NOT NULL,
                event_id    uuid        NOT NULL UNIQUE,
                prev_hash   bytea       NOT NULL,
                hash        bytea       NOT NULL,
                CONSTRAINT events_stream_version UNIQUE (stream_id, version),
                CONSTRAINT events_version_positive CHECK (version > 0));
            CREATE INDEX events_tx_seq ON es.events (tx_id, seq);
            CREATE INDEX events_recorded_at ON es.events (recorded_at);

            CREATE TABLE es.subscriptions (
                name       text        PRIMARY KEY,
                tx_id      xid8        NOT NULL,
                seq        bigint      NOT NULL,
                updated_at timestamptz NOT NULL DEFAULT now());

            -- History is never edited: corrections are new events. Owners can still disable this,
            -- which is why the hash chain exists.
            CREATE FUNCTION es.reject_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'es.events is append-only: % is not allowed', TG_OP
                    USING ERRCODE = 'insufficient_privilege';
            END $$;
            CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON es.events
                FOR EACH ROW EXECUTE FUNCTION es.reject_event_change();
            CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON es.events
                FOR EACH STATEMENT EXECUTE FUNCTION es.reject_event_change();
            """),
        // Which hashing scheme a row's hash follows (EventHash): rows already written keep the
        // first, which read numbers as doubles; new appends name theirs. History is not rehashed.
        new(2, "hash scheme per event", """
            ALTER TABLE es.events ADD COLUMN hash_version smallint NOT NULL DEFAULT 1
                CONSTRAINT events_hash_version_known CHECK (hash_version IN (1, 2));
            """),
        // A report's body is ~5 KB and compressed as it is stored: pglz costs about twice what
        // lz4 does per row, on every append, for a few per cent less disk. Rows already stored
        // keep their compression; a server built without lz4 keeps pglz.
        new(3, "lz4 for event bodies", """
            DO $$
            BEGIN
                ALTER TABLE es.events ALTER COLUMN data SET COMPRESSION lz4;
            EXCEPTION WHEN feature_not_supported THEN
                RAISE NOTICE 'lz4 is not available: event bodies stay pglz';
            END $$;
            """),
        // What read models may join against: an event's position, type and body. They name this
        // view through EventLog.Bodies, never the table, so the log's layout stays the store's.
        new(4, "event bodies view for read models", """
            CREATE VIEW es.event_bodies AS
            SELECT seq, stream_id, event_type, data, recorded_at FROM es.events;
            """),
        // One append as one call: move the stream's head from where the events were chained,
        // insert them, notify. As a function its statements are planned once per connection
        // rather than on every append, and a head that has moved raises (rather than inserting
        // nothing), so an append batched with its read-model writes fails as a whole.
        new(5, "append function", $"""
            CREATE FUNCTION es.append_events(
                stream text, from_version bigint, from_hash bytea, to_version bigint, to_hash bytea,
                recorded timestamptz, versions bigint[], types text[], bodies jsonb[], metadatas jsonb[],
                ids uuid[], prev_hashes bytea[], hashes bytea[], scheme smallint)
            RETURNS TABLE (appended_id uuid, appended_seq bigint, appended_tx text)
            LANGUAGE plpgsql VOLATILE AS $$
            BEGIN
                IF from_version = 0 THEN
                    INSERT INTO es.streams (stream_id, version, head_hash, created_at, updated_at)
                    VALUES (stream, to_version, to_hash, recorded, recorded)
                    ON CONFLICT (stream_id) DO NOTHING;
                ELSE
                    UPDATE es.streams s SET version = to_version, head_hash = to_hash, updated_at = recorded
                    WHERE s.stream_id = stream AND s.version = from_version AND s.head_hash = from_hash;
                END IF;
                IF NOT FOUND THEN
                    RAISE EXCEPTION 'stream % is no longer at version %', stream, from_version
                        USING ERRCODE = '{StaleAppendSqlState}';
                END IF;
                PERFORM pg_notify('{NotificationChannel}', '');
                RETURN QUERY
                INSERT INTO es.events AS e (stream_id, version, event_type, data, metadata, recorded_at, event_id, prev_hash, hash, hash_version)
                SELECT stream, u.v, u.t, u.d, u.m, recorded, u.i, u.p, u.h, scheme
                FROM unnest(versions, types, bodies, metadatas, ids, prev_hashes, hashes) AS u(v, t, d, m, i, p, h)
                RETURNING e.event_id, e.seq, e.tx_id::text;
            END $$;
            """),
        // Where readers stop: below the oldest transaction that may still add events to this
        // database's log. A snapshot's xmin is the oldest running transaction of the whole
        // server, so a long transaction in a neighbouring database (another service, a bulk load,
        // a test running beside this one) held every reader back, though it can never write
        // here. An in-flight id is passed over only when the server positively places it in
        // another database; one it cannot place (its backend just ended, a prepared
        // transaction, a role not allowed to see it) still holds readers back, as before. A
        // transaction's database never changes and its id is never reused, so a placement read
        // a moment after the snapshot cannot be wrong. Our own id, if we have one, holds back
        // too, as it does in xmin. STABLE: it runs inside the caller's statement snapshot.
        new(6, "read barrier per database", """
            CREATE FUNCTION es.read_barrier() RETURNS xid8
            LANGUAGE sql STABLE AS $$
                SELECT least(coalesce(min(x), pg_snapshot_xmax(pg_current_snapshot())), pg_current_xact_id_if_assigned())
                FROM pg_snapshot_xip(pg_current_snapshot()) AS x
                WHERE NOT EXISTS (
                    SELECT 1 FROM pg_stat_get_activity(NULL) AS a
                    WHERE a.backend_xid = xid(x)
                      AND a.datid IS NOT NULL
                      AND a.datid <> (SELECT d.oid FROM pg_database d WHERE d.datname = current_database()))
            $$;
            """),
    ];
}
