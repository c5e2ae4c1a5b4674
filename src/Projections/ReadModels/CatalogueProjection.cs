using GovReport.Domain.Catalogue;
using GovReport.EventStore;
using Npgsql;

namespace GovReport.Projections.ReadModels;

/// <summary>Units and indicators as they stand: one row each, rewritten by every event of theirs.</summary>
internal static class CatalogueProjection
{
    public static Task ApplyAsync(ProjectionContext context, RecordedEvent recorded, object @event) => @event switch
    {
        UnitRegistered e => context.ExecuteAsync("""
            INSERT INTO {0}.units (unit_id, name, kind, parent_id, block, registered_at, updated_at)
            VALUES (@id, @name, @kind, @parent, @block, @at, @at)
            """, ("id", e.Id.Value), ("name", e.Name), ("kind", e.Kind.ToApiString()),
            ("parent", e.ParentId?.Value), ("block", e.Block), ("at", recorded.RecordedAt)),
        UnitRenamed e => context.ExecuteAsync(
            "UPDATE {0}.units SET name = @name, updated_at = @at WHERE unit_id = @id",
            ("id", e.Id.Value), ("name", e.Name), ("at", recorded.RecordedAt)),
        UnitMoved e => context.ExecuteAsync(
            "UPDATE {0}.units SET parent_id = @parent, updated_at = @at WHERE unit_id = @id",
            ("id", e.Id.Value), ("parent", e.ParentId?.Value), ("at", recorded.RecordedAt)),
        UnitReclassified e => context.ExecuteAsync(
            "UPDATE {0}.units SET kind = @kind, block = @block, updated_at = @at WHERE unit_id = @id",
            ("id", e.Id.Value), ("kind", e.Kind.ToApiString()), ("block", e.Block), ("at", recorded.RecordedAt)),
        IndicatorDefined e => UpsertIndicatorAsync(context, recorded,
            new Indicator(e.Code, e.Name, e.Measure, e.Aggregation, e.Direction, e.Sector, e.AllowsNegative, e.MinValue, e.MaxValue, e.Ratio, e.Rules)),
        IndicatorRevised e => UpsertIndicatorAsync(context, recorded,
            new Indicator(e.Code, e.Name, e.Measure, e.Aggregation, e.Direction, e.Sector, e.AllowsNegative, e.MinValue, e.MaxValue, e.Ratio, e.Rules)),
        _ => Task.CompletedTask,
    };

    private static Task UpsertIndicatorAsync(ProjectionContext context, RecordedEvent recorded, Indicator i) =>
        context.ExecuteAsync("""
            INSERT INTO {0}.indicators (code, name, measure, aggregation, direction, sector, allows_negative, min_value, max_value,
                numerator, denominator, scale, at_most, revision, updated_at)
            VALUES (@code, @name, @measure, @aggregation, @direction, @sector, @negative, @min, @max,
                @numerator, @denominator, @scale, @atMost, @revision, @at)
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, measure = excluded.measure,
                aggregation = excluded.aggregation, direction = excluded.direction, sector = excluded.sector,
                allows_negative = excluded.allows_negative, min_value = excluded.min_value, max_value = excluded.max_value,
                numerator = excluded.numerator, denominator = excluded.denominator, scale = excluded.scale, at_most = excluded.at_most,
                revision = excluded.revision, updated_at = excluded.updated_at
            """, ("code", i.Code.Value), ("name", i.Name), ("measure", i.Measure), ("min", i.MinValue), ("max", i.MaxValue),
            ("numerator", i.Ratio?.Numerator.Value), ("denominator", i.Ratio?.Denominator.Value), ("scale", i.Ratio?.Scale),
            ("atMost", i.Rules?.AtMost.Select(c => c.Value).ToArray()),
            ("aggregation", i.Aggregation.ToApiString()), ("direction", i.Direction.ToApiString()),
            ("sector", i.Sector), ("negative", i.AllowsNegative), ("revision", (int)recorded.Version),
            ("at", recorded.RecordedAt));
}
