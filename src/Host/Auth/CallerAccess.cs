using GovReport.Host.Correlation;
using GovReport.Host.Summaries;
using GovReport.Projections.Queries;
using Microsoft.Extensions.Options;

namespace GovReport.Host.Auth;

/// <summary>
/// The request's caller as a <see cref="UnitAccess"/>, with the unit tree read once per request.
/// Endpoints ask this; none walks the tree or reads unit claims itself.
/// </summary>
public sealed class CallerAccess(RequestContext context, CatalogueReader catalogue, IOptions<ReviewOptions> options)
{
    private UnitAccess? _access;

    public async Task<UnitAccess> GetAsync(CancellationToken ct)
    {
        if (_access is not null) return _access;
        var user = context.CurrentUser ?? throw new InvalidOperationException("Unit access needs an authenticated caller.");
        return _access = new UnitAccess(user, await catalogue.ParentsAsync(ct), options.Value);
    }

    /// <summary>The unit actions this request was allowed, in order: what a replay of its answer must be allowed again.</summary>
    public IReadOnlyList<(UnitAction Action, string Unit)> Granted => _granted;

    private readonly List<(UnitAction, string)> _granted = [];

    /// <summary>Whether the caller may do <paramref name="action"/> to <paramref name="unit"/>; a yes is remembered in <see cref="Granted"/>.</summary>
    public async Task<bool> AllowsAsync(UnitAction action, string unit, CancellationToken ct)
    {
        var allowed = (await GetAsync(ct)).Allows(action, unit);
        if (allowed) _granted.Add((action, unit));
        return allowed;
    }

    public Task<bool> CanReadAsync(string unit, CancellationToken ct) => AllowsAsync(UnitAction.Read, unit, ct);

    /// <summary>A block's figures: every unit now in the block must be readable.</summary>
    public async Task<bool> CanReadBlockAsync(string block, CancellationToken ct)
    {
        var access = await GetAsync(ct);
        if (access.ReadsEverything) return true;
        var members = (await catalogue.UnitsAsync(ct)).Where(u => string.Equals(u.Block, block, StringComparison.Ordinal))
            .Select(u => u.Id).ToList();
        return access.CanReadAll(members);
    }

    /// <summary>A summary's scope: a unit id, or <c>block:{block}</c> for a block.</summary>
    public Task<bool> CanReadScopeAsync(string scope, CancellationToken ct) =>
        BlockScope.IsBlock(scope) ? CanReadBlockAsync(BlockScope.BlockOf(scope), ct) : CanReadAsync(scope, ct);
}
