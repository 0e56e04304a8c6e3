namespace SiteBuilder.Search.Lunr;

/// <summary>One matching document: its ref, its score, and which terms matched in which fields.</summary>
public sealed class SearchResult
{
    internal SearchResult(string docRef, double score, MatchData matchData)
    {
        Ref = docRef;
        Score = score;
        MatchData = matchData;
    }

    /// <summary>The document's ref.</summary>
    public string Ref { get; }

    /// <summary>The sum over fields of the query/field vector similarity, as lunr computes it.</summary>
    public double Score { get; internal set; }

    /// <summary>Matched terms, per field, with their stored metadata.</summary>
    public MatchData MatchData { get; }
}
