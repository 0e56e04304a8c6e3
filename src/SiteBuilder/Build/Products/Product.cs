namespace SiteBuilder.Build;

/// <summary>
/// What a build step reads or produces: a named, typed part of the build (the configuration, the page set, the
/// link graph, the output…). Steps declare products (<see cref="IBuildStep.Reads"/>, <see cref="IBuildStep.Produces"/>);
/// <see cref="StepGraph"/> checks a step list against those declarations and <see cref="BuildContext"/> holds the values.
/// </summary>
public abstract class Product
{
    private protected Product(string name, ProductKind kind)
    {
        Name = name;
        Kind = kind;
    }

    /// <summary>The product's name, shown in messages (e.g. <c>Layouts</c>).</summary>
    public string Name { get; }

    /// <summary>How many steps may produce it, and what a reader without a producer gets.</summary>
    public ProductKind Kind { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>A product whose value is a <typeparamref name="T"/>.</summary>
public sealed class Product<T> : Product where T : class
{
    private readonly Func<T>? _empty;

    /// <summary>A product made by exactly one step, which must run before every step that reads it.</summary>
    public Product(string name) : base(name, ProductKind.Single) { }

    /// <summary>
    /// A product that is <paramref name="empty"/> when no step makes it (<see cref="ProductKind.Optional"/>), or that several
    /// steps add to (<see cref="ProductKind.Gathered"/>).
    /// </summary>
    public Product(string name, ProductKind kind, Func<T> empty) : base(name, kind) => _empty = empty;

    /// <summary>The value before any step made it (optional and gathered products), else null.</summary>
    internal T? Empty() => _empty?.Invoke();
}

/// <summary>How a product is made.</summary>
public enum ProductKind
{
    /// <summary>Made by exactly one step; a list that reads it without producing it first is refused.</summary>
    Single,
    /// <summary>Made by at most one step; readers get the empty value when none does (e.g. git dates outside a repository).</summary>
    Optional,
    /// <summary>Added to by any number of steps (the output files); a reader runs after every other step that adds to it.</summary>
    Gathered,
}
