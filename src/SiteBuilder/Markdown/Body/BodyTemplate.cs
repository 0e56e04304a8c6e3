namespace SiteBuilder.Markdown.Body;

/// <summary>
/// Rendered text with holes where resolved links go. Rendering once at parse time and filling the holes later
/// lets the build drop each page's Markdown tree right after parsing: a tree costs several times the text, and
/// holding 10 000 of them until every link is resolved is most of a large build's memory. Immutable.
/// </summary>
public sealed class BodyTemplate
{
    /// <summary>Creates a template.</summary>
    /// <param name="text">The text without the hole values.</param>
    /// <param name="holes">The holes, by ascending offset.</param>
    public BodyTemplate(string text, IReadOnlyList<TemplateHole> holes)
    {
        Text = text;
        Holes = holes;
    }

    /// <summary>A template without holes.</summary>
    public static BodyTemplate Of(string text) => new(text, []);

    /// <summary>The text without the hole values.</summary>
    public string Text { get; }

    /// <summary>The holes, by ascending offset.</summary>
    public IReadOnlyList<TemplateHole> Holes { get; }

    /// <summary>The text with each hole replaced by <paramref name="value"/>'s answer for it.</summary>
    public string Fill(Func<TemplateHole, string> value)
    {
        if (Holes.Count == 0) return Text;
        var values = new string[Holes.Count];
        int length = Text.Length;
        for (int i = 0; i < values.Length; i++) length += (values[i] = value(Holes[i])).Length;
        // Written straight into the result (no builder to copy from): every page's body is filled once to render it
        // and its plain text once to index it: hundreds of MB of copying fewer at 10 000 pages.
        return string.Create(length, (Template: this, Values: values), static (span, state) =>
        {
            var (template, values) = state;
            string text = template.Text;
            int at = 0, written = 0;
            for (int i = 0; i < values.Length; i++)
            {
                int offset = template.Holes[i].Offset;
                text.AsSpan(at, offset - at).CopyTo(span[written..]);
                written += offset - at;
                values[i].CopyTo(span[written..]);
                written += values[i].Length;
                at = offset;
            }
            text.AsSpan(at).CopyTo(span[written..]);
        });
    }
}
