namespace SiteBuilder.Search.Lunr;

/// <summary>A query: a list of clauses, lunr's <c>lunr.Query</c>.</summary>
public sealed class Query
{
    private readonly List<QueryClause> _clauses = new();

    /// <summary>Creates an empty query over <paramref name="allFields"/>.</summary>
    public Query(IReadOnlyList<string> allFields) => AllFields = allFields;

    /// <summary>Every field of the index.</summary>
    public IReadOnlyList<string> AllFields { get; }

    /// <summary>The clauses in order.</summary>
    public IReadOnlyList<QueryClause> Clauses => _clauses;

    /// <summary>Adds a clause, defaulting its fields to all fields.</summary>
    public Query Clause(QueryClause clause)
    {
        if (clause.Fields.Count == 0) clause.Fields = AllFields;
        _clauses.Add(clause);
        return this;
    }

    /// <summary>Adds a term clause, as <c>query.term(term, options)</c>.</summary>
    public Query Term(string term, QueryPresence presence = QueryPresence.Optional, double boost = 1, bool usePipeline = true)
        => Clause(new QueryClause { Term = term, Presence = presence, Boost = boost, UsePipeline = usePipeline });

    /// <summary>True when every clause is prohibited (including when there are none), as lunr's <c>isNegated</c>.</summary>
    public bool IsNegated() => _clauses.All(c => c.Presence == QueryPresence.Prohibited);
}
