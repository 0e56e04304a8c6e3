namespace SiteBuilder.Search.Lunr;

/// <summary>An ordered list of token transforms, lunr's <c>lunr.Pipeline</c>.</summary>
public sealed class Pipeline
{
    private readonly List<PipelineFunction> _stack = new();

    /// <summary>The functions in order.</summary>
    public IReadOnlyList<PipelineFunction> Functions => _stack;

    /// <summary>Appends functions.</summary>
    public Pipeline Add(params PipelineFunction[] functions)
    {
        _stack.AddRange(functions);
        return this;
    }

    /// <summary>Removes every function.</summary>
    public void Reset() => _stack.Clear();

    /// <summary>Runs every token through the functions; a function returning null drops the token.</summary>
    public List<Token> Run(List<Token> tokens)
    {
        // Token by token rather than stage by stage: the same result for per-token functions, and far fewer lists.
        var output = new List<Token>(tokens.Count);
        foreach (var token in tokens)
        {
            Token? t = token;
            foreach (var fn in _stack)
            {
                t = fn.Apply(t);
                if (t is null) break;
            }
            if (t is not null) output.Add(t);
        }
        return output;
    }

    /// <summary>The labels, as <c>pipeline.toJSON()</c> writes them.</summary>
    public IReadOnlyList<string> Labels => _stack.ConvertAll(f => f.Label);
}
