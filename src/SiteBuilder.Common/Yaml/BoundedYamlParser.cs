using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SiteBuilder.Yaml;

/// <summary>
/// A YamlDotNet event stream with limits, read by <see cref="YamlDotNet.RepresentationModel.YamlStream"/> as it loads:
/// YamlDotNet's parser is a state machine, but its representation model (and a mapping key's hash) recurses once per
/// level of nesting, and an alias shares a node that anything walking the tree visits again. So every event is
/// counted before the loader sees it, and the load stops with <see cref="YamlTooComplexException"/> at the first node
/// that nests deeper than <see cref="MaxDepth"/>, or takes the document, its aliases expanded, past
/// <see cref="MaxNodes"/> nodes ("billion laughs"), or refers to an anchor still open (a cycle). An alias to no
/// earlier anchor is a syntax error (<see cref="AnchorNotFoundException"/>), as YAML defines it.
/// </summary>
internal sealed class BoundedYamlParser(IParser inner) : IParser
{
    /// <summary>The deepest nesting of sequences and mappings read.</summary>
    public const int MaxDepth = 64;

    /// <summary>The most nodes read (scalars, sequences, mappings, and what each alias stands for, counted again).</summary>
    public const int MaxNodes = 100_000;

    // Per document: an anchor's size (the nodes it expands to), and the anchors of collections still open.
    private readonly Dictionary<string, long> _anchorSizes = new(StringComparer.Ordinal);
    private readonly Stack<(string? Anchor, long NodesBefore)> _open = new();
    private long _nodes;

    /// <inheritdoc/>
    public ParsingEvent? Current => inner.Current;

    /// <summary>The end of the last event read (where a parse that fails without a position got to).</summary>
    public Mark LastGoodEnd { get; private set; } = new(0, 1, 1);

    /// <summary>Where the event before <see cref="Current"/> starts.</summary>
    public Mark PreviousStart { get; private set; } = new(0, 1, 1);

    /// <inheritdoc/>
    public bool MoveNext()
    {
        if (inner.Current is { } previous) PreviousStart = previous.Start;
        if (!inner.MoveNext()) return false;
        var e = inner.Current!;
        Count(e);
        LastGoodEnd = e.End;
        return true;
    }

    private void Count(ParsingEvent e)
    {
        switch (e)
        {
            case DocumentStart:
                _anchorSizes.Clear();
                break;
            case Scalar scalar:
                Add(1, e);
                if (!scalar.Anchor.IsEmpty) _anchorSizes[scalar.Anchor.Value] = 1;
                break;
            case AnchorAlias alias:
                string name = alias.Value.Value;
                if (_open.Any(o => o.Anchor == name))
                    throw new YamlTooComplexException(e.Start, $"the alias '*{name}' refers to a node that holds it (a cycle)");
                // A syntax error, as YAML defines it (YamlDotNet would resolve it later, and may make a cycle of it).
                if (!_anchorSizes.TryGetValue(name, out long size))
                    throw new AnchorNotFoundException(e.Start, e.Start, $"the alias '*{name}' refers to no anchor '&{name}' before it");
                Add(size, e, $"aliases expand to more than {MaxNodes:N0} nodes (the alias '*{name}' stands for {size:N0})");
                break;
            case NodeEvent collection and (SequenceStart or MappingStart):
                if (_open.Count >= MaxDepth)
                    throw new YamlTooComplexException(e.Start, $"YAML nested more than {MaxDepth} levels deep here");
                Add(1, e);
                _open.Push((collection.Anchor.IsEmpty ? null : collection.Anchor.Value, _nodes - 1));
                break;
            case SequenceEnd or MappingEnd when _open.Count > 0:
                var (anchor, before) = _open.Pop();
                if (anchor is not null) _anchorSizes[anchor] = _nodes - before;
                break;
        }
    }

    private void Add(long count, ParsingEvent e, string? message = null)
    {
        _nodes += count;
        if (_nodes > MaxNodes)
            throw new YamlTooComplexException(e.Start, message ?? $"more than {MaxNodes:N0} YAML nodes");
    }
}

/// <summary>YAML refused by <see cref="BoundedYamlParser"/>'s limits, at the node that broke one.</summary>
internal sealed class YamlTooComplexException(Mark start, string message) : Exception(message)
{
    /// <summary>Where the offending node starts.</summary>
    public Mark Start { get; } = start;
}
