using GovReport.Host.Infrastructure.Correlation;
using GovReport.Host.Features.Summaries;
using GovReport.Projections.Queries;
using Microsoft.Extensions.Options;

namespace GovReport.Host.Infrastructure.Auth;

/// <summary>
/// The request's caller as a <see cref="UnitAccess"/>. Endpoints ask this; none walks the tree or
/// reads unit claims itself. Only the chains above the units a request asks about are read (one
/// statement each), not the whole tree: a submit must not read every unit of the country.
/// </summary>
public sealed class CallerAccess(RequestContext context, CatalogueReader catalogue, IOptions<ReviewOptions> options)
{
    private readonly Dictionary<string, string?> _parents = new(StringComparer.Ordinal);
    private UnitAccess? _access;

    /// <summary>The caller's roles and units; unit questions go through <see cref="AllowsAsync"/>, which reads what they walk.</summary>
    public UnitAccess Caller
    {
        get
        {
            var user = context.CurrentUser ?? throw new InvalidOperationException("Unit access needs an authenticated caller.");
            return _access ??= new UnitAccess(user, _parents, options.Value);
        }
    }

    private async Task<UnitAccess> WithChainsAsync(IReadOnlyCollection<string> units, CancellationToken ct)
    {
        var missing = units.Where(u => !_parents.ContainsKey(u)).ToList();
        if (missing.Count > 0)
        {
            foreach (var (unit, parent) in await catalogue.AncestryAsync(missing, ct)) _parents[unit] = parent;
            // An unknown unit has no chain: kept as parentless (what the walk reads for it anyway), so it is not asked again.
            foreach (var unit in missing) _parents.TryAdd(unit, null);
        }
        return Caller;
    }

    /// <summary>The unit actions this request was allowed, in order: what a replay of its answer must be allowed again.</summary>
    public IReadOnlyList<(UnitAction Action, string Unit)> Granted => _granted;

    private readonly List<(UnitAction, string)> _granted = [];

    /// <summary>Whether the caller may do <paramref name="action"/> to <paramref name="unit"/>; a yes is remembered in <see cref="Granted"/>.</summary>
    public async Task<bool> AllowsAsync(UnitAction action, string unit, CancellationToken ct)
    {
        var allowed = (await WithChainsAsync([unit], ct)).Allows(action, unit);
        if (allowed) _granted.Add((action, unit));
        return allowed;
    }

    public Task<bool> CanReadAsync(string unit, CancellationToken ct) => AllowsAsync(UnitAction.Read, unit, ct);

    /// <summary>Which of <paramref name="units"/> the caller may do <paramref name="action"/> to, their chains read in one statement (a page's rows, not one query each).</summary>
    public async Task<IReadOnlySet<string>> AllowedAsync(UnitAction action, IReadOnlyCollection<string> units, CancellationToken ct)
    {
        var access = await WithChainsAsync(units.Distinct(StringComparer.Ordinal).ToList(), ct);
        var allowed = units.Where(u => access.Allows(action, u)).ToHashSet(StringComparer.Ordinal);
        foreach (var unit in allowed) _granted.Add((action, unit));
        return allowed;
    }

    /// <summary>A block's figures: every unit now in the block must be readable.</summary>
    public async Task<bool> CanReadBlockAsync(string block, CancellationToken ct)
    {
        if (Caller.ReadsEverything) return true;
        var members = (await catalogue.UnitsAsync(ct)).Where(u => string.Equals(u.Block, block, StringComparison.Ordinal))
            .Select(u => u.Id).ToList();
        return (await WithChainsAsync(members, ct)).CanReadAll(members);
    }

    /// <summary>A summary's scope: a unit id, or <c>block:{block}</c> for a block.</summary>
    public Task<bool> CanReadScopeAsync(string scope, CancellationToken ct) =>
        BlockScope.IsBlock(scope) ? CanReadBlockAsync(BlockScope.BlockOf(scope), ct) : CanReadAsync(scope, ct);
}
