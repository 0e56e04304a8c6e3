namespace SiteBuilder.Linking;

/// <summary>"Did you mean …" hints: the closest candidate by edit distance, if it is close enough.</summary>
public static class Suggestions
{
    /// <summary>
    /// The candidate closest to <paramref name="wrong"/> (case-insensitive; on a tie, the ordinally first),
    /// or null when none is within a third of its length (at least 2).
    /// </summary>
    public static string? Closest(string wrong, IEnumerable<string> candidates)
    {
        // A broken link on a large site is compared with every page path: only candidates that can still
        // beat (or tie) the best so far are measured, and each measurement stops once it is out of reach.
        string lower = wrong.ToLowerInvariant();
        int limit = Math.Max(2, wrong.Length / 3);
        string? best = null;
        int bestDistance = limit;
        foreach (string candidate in candidates)
        {
            if (Math.Abs(candidate.Length - lower.Length) > bestDistance) continue;
            int d = Distance(lower, candidate.ToLowerInvariant(), bestDistance);
            if (d < bestDistance || (d == bestDistance && (best is null || string.CompareOrdinal(candidate, best) < 0)))
                (best, bestDistance) = (candidate, d);
        }
        return best;
    }

    /// <summary>Levenshtein distance.</summary>
    public static int Distance(string a, string b) => Distance(a, b, int.MaxValue - 1);

    /// <summary>Levenshtein distance when it is at most <paramref name="limit"/>; otherwise some value above the limit.</summary>
    private static int Distance(string a, string b, int limit)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            int rowMin = i;
            for (int j = 1; j <= b.Length; j++)
            {
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                rowMin = Math.Min(rowMin, cur[j]);
            }
            // Every later row is at least this row's minimum.
            if (rowMin > limit) return limit + 1;
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
