namespace GovReport.EventStore.Schema;

/// <summary>One forward-only, additive schema step. Versions are dense per component: 1, 2, 3 …</summary>
public sealed record Migration(int Version, string Name, string Sql);
