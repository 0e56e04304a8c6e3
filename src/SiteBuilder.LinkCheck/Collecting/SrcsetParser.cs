namespace SiteBuilder.LinkCheck.Collecting;

/// <summary>Splits a <c>srcset</c> value into its candidate URLs (per the HTML standard's candidate syntax).</summary>
public static class SrcsetParser
{
    /// <summary>The URLs of each image candidate, in order, without their width or density descriptors.</summary>
    public static IReadOnlyList<string> Parse(string srcset)
    {
        var urls = new List<string>();
        int i = 0;
        while (i < srcset.Length)
        {
            while (i < srcset.Length && (char.IsWhiteSpace(srcset[i]) || srcset[i] == ',')) i++;
            int start = i;
            while (i < srcset.Length && !char.IsWhiteSpace(srcset[i])) i++;
            if (i == start) break;
            string url = srcset[start..i];
            // A URL may end with commas that separate it from the next candidate when it has no descriptor.
            bool endsCandidate = url.EndsWith(',');
            url = url.TrimEnd(',');
            if (url.Length > 0) urls.Add(url);
            if (endsCandidate) continue;
            // Skip the descriptors up to the next comma outside parentheses.
            int depth = 0;
            while (i < srcset.Length)
            {
                char c = srcset[i];
                if (c == '(') depth++;
                else if (c == ')' && depth > 0) depth--;
                else if (c == ',' && depth == 0) { i++; break; }
                i++;
            }
        }
        return urls;
    }
}
