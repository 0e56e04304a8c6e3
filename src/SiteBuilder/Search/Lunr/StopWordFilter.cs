namespace SiteBuilder.Search.Lunr;

/// <summary>lunr's English <c>lunr.stopWordFilter</c>: drops the 119 words of its list.</summary>
public static class StopWordFilter
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "a", "able", "about", "across", "after", "all", "almost", "also", "am", "among", "an", "and", "any", "are",
        "as", "at", "be", "because", "been", "but", "by", "can", "cannot", "could", "dear", "did", "do", "does",
        "either", "else", "ever", "every", "for", "from", "get", "got", "had", "has", "have", "he", "her", "hers",
        "him", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "just", "least", "let", "like",
        "likely", "may", "me", "might", "most", "must", "my", "neither", "no", "nor", "not", "of", "off", "often",
        "on", "only", "or", "other", "our", "own", "rather", "said", "say", "says", "she", "should", "since", "so",
        "some", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "tis", "to", "too",
        "twas", "us", "wants", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why",
        "will", "with", "would", "yet", "you", "your"
    };

    /// <summary>The pipeline function, labelled <c>stopWordFilter</c>.</summary>
    public static readonly PipelineFunction Function = new("stopWordFilter", token => Words.Contains(token.Str) ? null : token);

    /// <summary>True when lunr treats <paramref name="word"/> as a stop word.</summary>
    public static bool IsStopWord(string word) => Words.Contains(word);
}
