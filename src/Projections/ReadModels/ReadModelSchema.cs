using System.Text.RegularExpressions;
using GovReport.EventStore;
using GovReport.EventStore.Schema;
using Npgsql;

namespace GovReport.Projections.ReadModels;

/// <summary>
/// The read-model tables. They live in one schema (live: <c>rm</c>) so a rebuild can build a
/// twin schema beside it, compare, and swap; every projector takes the schema as a parameter.
/// </summary>
public static partial class ReadModelSchema
{
    public const string Live = "rm";
    public const string Component = "read-models";

    // A month's figures (a hundred indicators) are a few kilobytes of jsonb, past the TOAST
    // threshold: lz4 compresses them several times faster than the default pglz.
    private static readonly string[] Steps =
    [
        """
        CREATE SCHEMA IF NOT EXISTS {0};
        CREATE TABLE {0}.units (
            unit_id    text PRIMARY KEY,
            name       text NOT NULL,
            kind       text NOT NULL,
            parent_id  text NULL,
            block      text NULL,
            registered_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL);
        CREATE INDEX ON {0}.units (parent_id);
        CREATE TABLE {0}.indicators (
            code        text PRIMARY KEY,
            name        text NOT NULL,
            measure     text NOT NULL,
            aggregation text NOT NULL,
            direction   text NOT NULL,
            sector      text NULL,
            allows_negative boolean NOT NULL,
            revision    int NOT NULL,
            updated_at  timestamptz NOT NULL);
        CREATE TABLE {0}.plan_revisions (
            unit_id   text NOT NULL,
            year      int  NOT NULL,
            revision  int  NOT NULL,
            decision  text NULL,
            reason    text NULL,
            set_by    text NOT NULL,
            -- When the plan took effect — the instant its command carries: the decision's date where
            -- the caller gives one (the seed does), else when it was entered — and when it was
            -- recorded: comparisons pick the plan in force by the first, "as of" filters on the second.
            set_at    timestamptz NOT NULL,
            recorded_at timestamptz NOT NULL,
            targets   jsonb NOT NULL,
            PRIMARY KEY (unit_id, year, revision));
        CREATE TABLE {0}.reports (
            unit_id      text NOT NULL,
            month        text NOT NULL,
            status       text NOT NULL,
            version      bigint NOT NULL,
            figures      jsonb COMPRESSION lz4 NOT NULL,
            narrative    jsonb NULL,
            submitted_at timestamptz NULL,
            on_time      boolean NULL,
            deadline     date NULL,
            return_reason text NULL,
            updated_at   timestamptz NOT NULL,
            PRIMARY KEY (unit_id, month));
        CREATE INDEX ON {0}.reports (month);
        -- Every official state of a report's figures (those of a submitted or approved report),
        -- valid from the instant it was recorded until the next: the live state has valid_to
        -- NULL, and "as of T" is a range lookup. One row per change, not per figure, so a
        -- rebuild writes about one row per event.
        CREATE TABLE {0}.official_figures (
            unit_id    text NOT NULL,
            month      text NOT NULL,
            figures    jsonb COMPRESSION lz4 NOT NULL,
            valid_from timestamptz NOT NULL,
            valid_to   timestamptz NULL,
            seq        bigint NOT NULL,
            PRIMARY KEY (unit_id, month, seq));
        CREATE INDEX ON {0}.official_figures (unit_id, month) WHERE valid_to IS NULL;
        -- For each unit with children, its effective figures per month: its own where it reported
        -- one, else its children's aggregate, indicator by indicator. A unit without children has
        -- none here: its effective figures are its official ones.
        CREATE TABLE {0}.rollups (
            unit_id text NOT NULL,
            month   text NOT NULL,
            figures jsonb COMPRESSION lz4 NOT NULL,
            PRIMARY KEY (unit_id, month));
        """,
        // The report's figures are read from its stream (the report itself) and from the official
        // figures (comparisons); a third copy here only doubled what a rebuild writes.
        "ALTER TABLE {0}.reports DROP COLUMN figures;",
        // A state opened by a submission holds exactly the submitted event's figures: the row
        // points at that event (seq) instead of copying them, which was most of what a rebuild
        // wrote. Only a state opened by a correction, merged with what stood before, keeps its
        // own figures. Readers go through the view, which fills the figures in from the log.
        // The primary key already leads with (unit_id, month): the partial index on the current
        // state only doubled the index work of every write.
        """
        ALTER TABLE {0}.official_figures ALTER COLUMN figures DROP NOT NULL;
        DROP INDEX {0}.official_figures_unit_id_month_idx;
        -- figures: indicator → value, for SQL. stored_figures: the same as kept, the corrected
        -- state's object or the submission's own array of {indicator, value}, which the service
        -- reads (FigureJson takes either) without building an object per row in the database.
        CREATE VIEW {0}.official_figure_sets AS
        SELECT f.unit_id, f.month, f.valid_from, f.valid_to, f.seq,
               coalesce(f.figures, (SELECT coalesce(jsonb_object_agg(v ->> 'indicator', v -> 'value'), '{}')
                                    FROM jsonb_array_elements(e.data -> 'values') v)) AS figures,
               coalesce(f.figures, e.data -> 'values') AS stored_figures
        FROM {0}.official_figures f LEFT JOIN es.events e ON f.figures IS NULL AND e.seq = f.seq;
        """,
        // Published summaries, one row each: listing them scanned the whole log by event type.
        """
        CREATE TABLE {0}.summaries (
            summary_id   text PRIMARY KEY,
            scope        text NOT NULL,
            period       text NOT NULL,
            published_at timestamptz NOT NULL,
            on_demand    boolean NOT NULL,
            recorded_at  timestamptz NOT NULL,
            seq          bigint NOT NULL);
        CREATE INDEX ON {0}.summaries (scope, period);
        """,
        // An indicator's plausible range as the catalogue set it (null: the default; no earlier event set one).
        """
        ALTER TABLE {0}.indicators ADD COLUMN min_value numeric, ADD COLUMN max_value numeric;
        """,
        // The view fills figures in from the event store's own view of event bodies, not its table.
        $$"""
        CREATE OR REPLACE VIEW {0}.official_figure_sets AS
        SELECT f.unit_id, f.month, f.valid_from, f.valid_to, f.seq,
               coalesce(f.figures, (SELECT coalesce(jsonb_object_agg(v ->> 'indicator', v -> 'value'), '{}')
                                    FROM jsonb_array_elements(e.data -> 'values') v)) AS figures,
               coalesce(f.figures, e.data -> 'values') AS stored_figures
        FROM {0}.official_figures f LEFT JOIN {{EventLog.Bodies}} e ON f.figures IS NULL AND e.seq = f.seq;
        """,
        // Accounts for sign-in and the per-request session check. No password hash: the log holds
        // none (see AccountEvent), so neither does anything replayed from it. No backfill: no account
        // event can precede this step.
        """
        CREATE TABLE {0}.accounts (
            username        text PRIMARY KEY,
            name            text NULL,
            roles           text[] NOT NULL,
            units           text[] NOT NULL,
            disabled        boolean NOT NULL,
            registered_at   timestamptz NOT NULL,
            password_set_at timestamptz NULL,
            updated_at      timestamptz NOT NULL);
        """,
        // A ratio indicator's parts and scale (null for a reported indicator), and the baseline a plan
        // revision belongs to: every plan recorded before baselines is the assigned one (chỉ tiêu giao).
        """
        ALTER TABLE {0}.indicators ADD COLUMN numerator text, ADD COLUMN denominator text, ADD COLUMN scale numeric;
        ALTER TABLE {0}.plan_revisions ADD COLUMN plan text NOT NULL DEFAULT 'assigned';
        ALTER TABLE {0}.plan_revisions DROP CONSTRAINT plan_revisions_pkey;
        ALTER TABLE {0}.plan_revisions ADD PRIMARY KEY (unit_id, year, plan, revision);
        """,
        // Restructurings (merges, splits, moves, renames, dissolutions), one row each: the body is
        // the domain's Restructuring; units lists every unit it names, for "which concern this unit".
        """
        CREATE TABLE {0}.restructurings (
            id             text PRIMARY KEY,
            kind           text NOT NULL,
            effective_month text NOT NULL,
            units          text[] NOT NULL,
            body           jsonb NOT NULL,
            recorded_at    timestamptz NOT NULL,
            recorded_by    text NULL,
            reverted_at    timestamptz NULL,
            revert_reason  text NULL,
            seq            bigint NOT NULL);
        CREATE INDEX ON {0}.restructurings USING gin (units);
        """,
        // An indicator's cross-indicator rules (atMost: the codes its figure should not exceed in the
        // same report), null for none. No backfill: no event before this step carries them.
        """
        ALTER TABLE {0}.indicators ADD COLUMN at_most text[];
        """,
        // Accounts an admin moved from a retired unit to its successor: a bearer token naming the
        // old unit acts for the new one (tokens are not re-issued when a restructuring happens).
        """
        CREATE TABLE {0}.account_moves (
            username      text NOT NULL,
            from_unit     text NOT NULL,
            to_unit       text NOT NULL,
            restructuring text NOT NULL,
            moved_at      timestamptz NOT NULL,
            seq           bigint NOT NULL,
            PRIMARY KEY (username, from_unit));
        """,
    ];

    // What a step must carry over when it runs on the live models, by step number. A twin gets
    // the same from its replay (and a twin "as of" an instant must not get anything later).
    private static readonly Dictionary<int, string> Backfills = new()
    {
        [3] = $$"""
            UPDATE {0}.official_figures f SET figures = NULL
            FROM {{EventLog.Bodies}} e WHERE e.seq = f.seq AND e.event_type = 'report_submitted';
            """,
        [4] = $$"""
            INSERT INTO {0}.summaries (summary_id, scope, period, published_at, on_demand, recorded_at, seq)
            SELECT stream_id, data ->> 'scope', data ->> 'period', (data ->> 'publishedAt')::timestamptz,
                   (data ->> 'onDemand')::boolean, recorded_at, seq
            FROM {{EventLog.Bodies}} WHERE event_type = 'summary_published';
            """,
    };

    /// <param name="backfill">Whether the steps carry existing data over (the live models) or start empty (a twin).</param>
    public static IReadOnlyList<Migration> MigrationsFor(string schema, bool backfill = false) =>
        Steps.Select((sql, i) => new Migration(i + 1, $"read models {i + 1}", Qualify(
            backfill && Backfills.TryGetValue(i + 1, out var data) ? sql + "\n" + data : sql, schema))).ToList();

    public static Task MigrateLiveAsync(NpgsqlDataSource dataSource, CancellationToken ct = default) =>
        SchemaMigrator.MigrateAsync(dataSource, Component, MigrationsFor(Live, backfill: true), ct);

    /// <summary>Creates an empty twin of the read models in another schema (for rebuild and verify).</summary>
    public static async Task CreateScratchAsync(NpgsqlConnection connection, string schema, CancellationToken ct = default)
    {
        await using (var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Checked(schema)} CASCADE", connection))
            await drop.ExecuteNonQueryAsync(ct);
        foreach (var migration in MigrationsFor(schema))
        {
            await using var create = new NpgsqlCommand(migration.Sql, connection);
            await create.ExecuteNonQueryAsync(ct);
        }
    }

    public static string Qualify(string sql, string schema) => sql.Replace("{0}", Checked(schema), StringComparison.Ordinal);

    public static string Checked(string schema) =>
        SchemaName().IsMatch(schema) ? schema : throw new ArgumentException($"'{schema}' is not a valid schema name.", nameof(schema));

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();
}
