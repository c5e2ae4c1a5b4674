using GovReport.Domain.Catalogue;

namespace GovReport.Projections.Queries;

/// <summary>
/// The indicator catalogue as a <see cref="CatalogueReader"/> last read it, and the fingerprint
/// of <c>rm.indicators</c> it was read under: which table (its oid), how many rows, and the sum of
/// their <c>revision</c>s. Every comparison needs the hundred definitions; they change a few times
/// a year, so a read sends them (and the reader parses them) only when the fingerprint moved.
/// </summary>
/// <remarks>
/// Why the fingerprint is enough: the rows are written only by the catalogue projection, which
/// sets a row wholly from one indicator event and its <c>revision</c> to that event's version in
/// the indicator's stream. A row's content is therefore fixed by its revision, and every write
/// raises the sum (a revision only grows; a new row adds one), so within one table two different
/// committed states never share a sum. A rebuild swaps in a new table: a new oid. An empty table
/// is the same catalogue whichever table it is.
/// </remarks>
internal sealed record CatalogueSnapshot(long? Table, long Count, long Revisions, IReadOnlyList<Indicator> Indicators)
{
    /// <summary>The columns before the indicator's own (<see cref="CatalogueReader.IndicatorColumns"/>).</summary>
    public const int Columns = 3;

    /// <summary>
    /// The fingerprint in every row; the indicators (in code order) only when it differs from the
    /// one given, else a single row without them. One statement, so one snapshot: the rows sent
    /// are the ones the fingerprint describes. Parameters: the known table, count and revisions
    /// (null: none known).
    /// </summary>
    public const string Sql = $"""
        SELECT f.tbl, f.n, f.revisions, {IndicatorsQualified}
        FROM (SELECT min(tableoid)::bigint AS tbl, count(*) AS n, coalesce(sum(revision), 0)::bigint AS revisions FROM rm.indicators) f
        LEFT JOIN rm.indicators i ON (f.tbl, f.n, f.revisions) IS DISTINCT FROM ($1, $2, $3)
        ORDER BY i.code
        """;

    private const string IndicatorsQualified =
        "i.code, i.name, i.measure, i.aggregation, i.direction, i.sector, i.allows_negative, i.min_value, i.max_value, i.numerator, i.denominator, i.scale, i.at_most";
}
