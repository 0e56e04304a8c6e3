using CsCheck;

namespace SiteBuilder.Tests.Fuzzing;

/// <summary>
/// Generators of hostile sites for the fuzz properties: front matter, Markdown, wiki links and <c>site.yml</c> made of
/// the shapes that broke or could break the build (non-scalar keys, deep nesting, anchors, climbing paths, encoded
/// dots, control characters, odd Unicode), mixed with ordinary content so the parsers get past their first line.
/// Everything is built from fragments, so CsCheck shrinks a failure to the few fragments that cause it.
/// </summary>
public static class HostileGen
{
    // How deep nesting and how long lines get. CI keeps them at what a real page might hold, so 10,000 sites build in
    // minutes; bench/fuzz raises them (SITEBUILDER_FUZZ_DEEP, SITEBUILDER_FUZZ_LONG) to hunt for depth and time limits.
    private static readonly int Deep = int.TryParse(Environment.GetEnvironmentVariable("SITEBUILDER_FUZZ_DEEP"), out int d) ? d : 200;
    private static readonly int Long = int.TryParse(Environment.GetEnvironmentVariable("SITEBUILDER_FUZZ_LONG"), out int l) ? l : 5_000;

    /// <summary>A generated site: file path (relative, <c>/</c>) → content.</summary>
    public sealed record Site(IReadOnlyList<(string Path, string Text)> Files)
    {
        /// <inheritdoc/>
        public override string ToString() => string.Concat(Files.Select(f => $"-- {f.Path} --\n{f.Text}\n"));
    }

    private static readonly Gen<string> Word = Gen.OneOf(
        Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz"], 1, 8],
        Gen.OneOf("migration", "DIMiS", "Ünïcödé", "日本語", "\u202Eevil", "e\u0301", "😀", "\u0000", "\t", " ", "\u00A0",
            "~", "null", "-", "*", "#", "|", "[", "]", "{", "}", "`", "<", ">", "&amp;", "\\", "%2e%2e", "..", "../", "%2F", "\r"));

    private static readonly Gen<string> Text = Word.Array[1, 6].Select(ws => string.Join(' ', ws));

    private static readonly Gen<string> Url = Gen.OneOf(
        Gen.OneOf("../index.md", "guide/index.md", "missing.md", "index.md#top", "#frag", "../../../../../../etc/passwd", "/etc/passwd",
            "javascript:alert(1)", "data:text/html,<script>x</script>", "https://unece.org/x", "http://[::1]:99999/", "mailto:x@y",
            "https://statswiki.unece.org/display/DIMiS/DIMiS+Home", "https://statswiki.unece.org/display/%2e%2e%2f%2e%2e/x",
            "https://statswiki.unece.org/pages/viewpage.action?pageId=12345", "file:///etc/passwd", "", " ", "%00", "a b.md", "\\\\server\\x"),
        Word.Select(w => w + ".md"));

    // A value of front matter, possibly nested: scalars, sequences and mappings in block and flow form, with anchors.
    private static readonly Gen<string> YamlValue = Gen.Recursive<string>((depth, self) => depth > 4
        ? Scalar()
        : Gen.Frequency(
            (6, Scalar()),
            (2, self.Array[0, 4].Select(items => "[" + string.Join(", ", items) + "]")),
            (2, Gen.Select(Word, self).Array[0, 3].Select(kvs => "{" + string.Join(", ", kvs.Select(kv => $"{kv.Item1}: {kv.Item2}")) + "}")),
            (1, Gen.Int[1, Deep].Select(n => new string('[', n) + new string(']', n))),
            (1, Gen.Int[1, Deep].Select(n => string.Concat(Enumerable.Repeat("{a: ", n)) + "1" + new string('}', n)))));

    private static Gen<string> Scalar() => Gen.OneOf(
        Text, Text.Select(t => "\"" + t.Replace("\"", "\\\"") + "\""), Text.Select(t => "'" + t.Replace("'", "''") + "'"),
        Gen.Long.Select(n => n.ToString()), Gen.Double.Select(d => d.ToString("R")),
        Gen.OneOf("~", "null", "true", "no", "2024-02-30", "1e400", "-0", ".nan", "!!binary AAAA", "!custom x", "&a x", "*a", "*undefined",
            "|\n  block\n  text", ">-\n  folded", "\"\\u0000\"", "\"\\uD800\"", "99999999999999999999999", "''"),
        Url);

    private static readonly Gen<string> Key = Gen.Frequency(
        (8, Gen.OneOf("title", "description", "labels", "weight", "layout", "draft", "aliases", "statswiki", "sources",
            "hide_children", "anchors", "countries", "organisations", "organisation_type", "official_statistics",
            "data_source_type", "topics", "status", "year", "reference_period", "document_symbol", "dimis_membership", "last_reviewed")),
        (2, Word),
        (1, Gen.OneOf("[a]", "? [a, b]", "{x: 1}", "~", "\"\"", "*a", "&k title", "!!str title", "? |\n  block key", "[[[[x]]]]")));

    private static readonly Gen<string> FrontMatterLine = Gen.Frequency(
        (10, Gen.Select(Key, YamlValue, (k, v) => $"{k}: {v}")),
        (2, Gen.Select(Gen.OneOf("aliases", "labels", "sources", "countries", "statswiki"), YamlValue.Array[1, 4],
            (k, items) => k + ":\n" + string.Concat(items.Select(i => "  - " + i + "\n")).TrimEnd('\n'))),
        (1, Gen.Select(Url, Text, (u, t) => $"sources:\n  - title: {t}\n    url: {u}")),
        (1, Gen.Int[1, Deep].Select(n => "deep:\n" + string.Concat(Enumerable.Range(1, n).Select(i => new string(' ', Math.Min(i, 200)) + "k" + i + ":\n")))),
        (1, Gen.OneOf("---", "...", "%YAML 1.2", "\t\tbad indent: x", "- a list at top", "key: [unclosed", "key: \"unclosed", "<<: *a", "? ", ": x", "\uFEFFtitle: x")));

    private static readonly Gen<string> FrontMatter = Gen.Frequency(
        (8, Gen.Select(Text, FrontMatterLine.Array[0, 8], (title, lines) => "---\ntitle: " + title + "\n" + string.Join('\n', lines) + "\n---\n")),
        (1, FrontMatterLine.Array[0, 6].Select(lines => "---\n" + string.Join('\n', lines) + "\n---\n")),
        (1, FrontMatterLine.Array[0, 3].Select(lines => "---\n" + string.Join('\n', lines) + "\n")), // never closed
        (1, Gen.Const("")));

    private static readonly Gen<string> Inline = Gen.Frequency(
        (30, Text),
        (10, Gen.Select(Text, Url, (t, u) => $"[{t}]({u})")),
        (10, Gen.Select(Word, Text, (t, l) => $"[[{t}|{l}]]")),
        (5, Gen.OneOf("[[Home]]", "[[Guide#Missing]]", "[[]]", "[[|]]", "[[#]]", "[[../../x]]", "[[a|b|c]]", "[[[[x]]]]", "[[Home", "]]")),
        (5, Gen.Select(Text, Url, (t, u) => $"![{t}]({u})")),
        (5, Gen.OneOf("*em*", "**strong**", "`code`", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<a href=\"javascript:x\">x</a>",
            "&#0;", "&#x110000;", "<!--", "-->", "\\", "[^1]", "<https://unece.org>", "***", "~~x~~", "$$", "{{children}}", "{{", "}}")),
        (1, Gen.Int[1, Deep].Select(n => new string('*', n) + "x" + new string('*', n))),
        (1, Gen.Int[1, Deep].Select(n => new string('[', n) + "x" + new string(']', n))),
        (1, Gen.Int[1, Deep].Select(n => string.Concat(Enumerable.Repeat("[a](", n)) + "x" + new string(')', n))),
        (1, Gen.Int[1, Deep].Select(n => string.Concat(Enumerable.Repeat("<span>", n)))));

    private static readonly Gen<string> Block = Gen.Frequency(
        (30, Inline.Array[1, 5].Select(parts => string.Join(' ', parts))),
        (10, Gen.Select(Gen.Int[1, 7], Text, (n, t) => new string('#', n) + " " + t)),
        (1, Gen.Select(Gen.Int[1, Deep], Text, (n, t) => new string('>', n) + " " + t)),
        (1, Gen.Select(Gen.Int[1, Deep], Text, (n, t) => string.Concat(Enumerable.Range(0, n).Select(i => new string(' ', 2 * i) + "- " + t + "\n")))),
        (1, Gen.Select(Gen.Int[1, Deep], (n) => string.Concat(Enumerable.Repeat("- ", n)) + "x")),
        (5, Gen.Select(Gen.OneOf("NOTE", "WARNING", "TIP", "nope", ""), Text, (k, t) => $"> [!{k}]\n> {t}")),
        (5, Text.Select(t => "```\n" + t + "\n```")),
        (5, Gen.Const("| a | b |\n|---|---|\n| 1 | 2 |")),
        (5, Gen.Const("{{children}}")),
        (5, Gen.Select(Word, Url, (l, u) => $"[{l}]: {u}")),
        (5, Gen.OneOf("<div>", "</div>", "<details><summary>x</summary>", "<iframe src=//evil>", "<style>*{}</style>", "<!DOCTYPE html>")),
        (1, Gen.Int[1, Long].Select(n => new string('a', n))));

    /// <summary>One page: front matter (or none) and up to eight blocks of Markdown.</summary>
    public static readonly Gen<string> Page = Gen.Select(FrontMatter, Block.Array[0, 8], (fm, blocks) => fm + string.Join("\n\n", blocks) + "\n");

    private static readonly Gen<string> PagePath = Gen.Frequency(
        (6, Gen.Select(Gen.OneOf("", "guide/", "dimis/", "migration/", "covid-19/deep/er/"), Word.Where(w => w.Trim().Length > 0),
            (folder, name) => folder + Clean(name) + ".md")),
        (1, Gen.OneOf("guide/index.md", "dimis/index.md", "index.md", "a b.md", "ÄÖ.md", "x.MD", "labels/index.md", "search/index.md",
            "viewpage.action/index.md", "assets/index.md", "404.md", "dimis/by-country.md")));

    private static readonly Gen<string> SiteYaml = Gen.Frequency(
        (4, Gen.Const("title: Fuzz\nbase_url: https://fuzz.test/\n")),
        (3, Gen.Select(Gen.OneOf("guide", "dimis", "../x", "a/b", ""), Gen.OneOf("by-x", "../../x", "a/b", "..", "%2e%2e", "ok"),
            Gen.OneOf("list", "string", "int", "bool", "date", "nonsense"), YamlValue,
            (section, slug, type, value) =>
                $"title: Fuzz\nbase_url: https://fuzz.test/\nsections:\n  {section}:\n    title: S\n    layout: page\n" +
                $"    index_by:\n      - field: f\n        slug: \"{slug}\"\n    schema:\n      fields:\n        f:\n          type: {type}\n" +
                $"          required: true\n          values: {value}\n")),
        (2, FrontMatterLine.Array[0, 6].Select(lines => string.Join('\n', lines) + "\n")),
        (1, Gen.Select(YamlValue, Gen.Long, (v, n) => $"title: {v}\nbase_url: {v}\nsearch:\n  budget_bytes: {n}\nlink_check:\n  exclude: [\"(a+)+$\", \"[\"]\n  timeout: {v}\n")),
        // Keys and values of every reader's sections, aliases that multiply, and block nesting in a few bytes.
        (1, Gen.Select(Key, YamlValue, Gen.Int[1, Deep], (k, v, n) =>
            $"title: Fuzz\nbase_url: https://fuzz.test/\nsearch:\n  {k}: {v}\nlink_check:\n  {k}: {v}\n  hosts:\n    {k}: {{{k}: {v}}}\n" +
            $"sections:\n  {k}:\n    {k}: {v}\n    schema:\n      {k}: {v}\n      fields:\n        {k}: {{{k}: {v}}}\n" +
            $"deep:\n{string.Concat(Enumerable.Repeat("- ", n))}x\n")),
        (1, Gen.Int[1, 12].Select(n => "title: Fuzz\nl0: &l0 [a, a, a, a, a, a, a, a, a, a]\n" + string.Concat(Enumerable.Range(1, n).Select(i =>
            $"l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))}]\n")))));

    /// <summary>A whole site: maybe a <c>site.yml</c>, a home page, and one to five more pages.</summary>
    public static readonly Gen<Site> Sites = Gen.Select(
        Gen.Frequency((4, SiteYaml.Select(s => (string?)s)), (1, Gen.Const((string?)null))),
        Page,
        Gen.Select(PagePath, Page).Array[1, 5],
        (siteYaml, home, pages) =>
        {
            var files = new List<(string, string)>();
            if (siteYaml is not null) files.Add(("site.yml", siteYaml));
            files.Add(("pages/index.md", home));
            foreach (var (path, text) in pages)
                if (files.All(f => f.Item1 != "pages/" + path)) files.Add(("pages/" + path, text));
            return new Site(files);
        });

    // A file name the generator can write (the file system refuses NUL and '/'); hostile names are tested elsewhere.
    private static string Clean(string name) => new(name.Select(c => c is '/' or '\0' ? '_' : c).ToArray());
}
