namespace SiteBuilder.Build;

/// <summary>
/// What changed since a step last ran, per product: all of it, or the values under some keys. A product's keys are
/// what it is made of: pages' URLs for <see cref="BuildProducts.Pages"/> and <see cref="BuildProducts.LinkGraph"/>
/// (a page whose links or backlinks changed), layout names for <see cref="BuildProducts.Layouts"/> (a template that
/// changed). A product not named did not change.
/// </summary>
public sealed class ProductChanges
{
    // null: the whole product changed.
    private readonly Dictionary<Product, HashSet<string>?> _changed = [];

    /// <summary>Records that the whole of <paramref name="product"/> changed.</summary>
    public void MarkAll(Product product) => _changed[product] = null;

    /// <summary>Records that <paramref name="product"/> changed under <paramref name="keys"/> (none: it changed, but no one key did).</summary>
    public void Mark(Product product, IEnumerable<string> keys)
    {
        if (!_changed.TryGetValue(product, out var set)) _changed[product] = set = new HashSet<string>(StringComparer.Ordinal);
        set?.UnionWith(keys);
    }

    /// <summary>Records the changes of <paramref name="other"/> as well.</summary>
    public void Add(ProductChanges other)
    {
        foreach (var (product, keys) in other._changed)
        {
            if (keys is null) MarkAll(product);
            else Mark(product, keys);
        }
    }

    /// <summary>True when any of <paramref name="product"/> changed.</summary>
    public bool Changed(Product product) => _changed.ContainsKey(product);

    /// <summary>True when the whole of <paramref name="product"/> changed (its keys say nothing more).</summary>
    public bool All(Product product) => _changed.TryGetValue(product, out var set) && set is null;

    /// <summary>The keys of <paramref name="product"/> that changed; empty when none did or when all of it did (see <see cref="All"/>).</summary>
    public IReadOnlySet<string> Keys(Product product) => _changed.GetValueOrDefault(product) ?? (IReadOnlySet<string>)Empty;

    /// <summary>Every product that changed.</summary>
    public IEnumerable<Product> Products => _changed.Keys;

    private static readonly HashSet<string> Empty = [];
}
