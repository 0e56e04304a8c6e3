using System.Text;
using SiteBuilder.Diagnostics;
using SiteBuilder.Yaml;
using YamlDotNet.RepresentationModel;

namespace SiteBuilder.Tests.Yaml;

/// <summary>
/// The shared YAML reader on hostile text: depth, size and alias limits enforced before YamlDotNet's loader recurses,
/// every YamlDotNet failure a diagnostic at its position, and typed keys. Positions are pinned exactly.
/// </summary>
public sealed class YamlReaderTests
{
    private const string Syntax = "SB9901", Limit = "SB9902", Type = "SB9903";

    private static (YamlNode? Root, string[] Lines) Parse(string text, int lineOffset = 0)
    {
        var bag = new DiagnosticBag();
        var root = YamlReader.Parse(text, new YamlPositions("f.yml", lineOffset), bag, Syntax, Limit);
        return (root, bag.ToSortedList().Select(d => d.ToString()).ToArray());
    }

    private static string Flow(int depth) => "x: " + new string('[', depth) + new string(']', depth) + "\n";

    // Block mappings by indentation, two spaces a level.
    private static string Block(int depth)
    {
        var text = new StringBuilder();
        for (int i = 0; i < depth; i++) text.Append(' ', 2 * i).Append("a:\n");
        return text.Append(' ', 2 * depth).Append("leaf\n").ToString();
    }

    // Compact block sequences, "- - - x": 50,000 levels of block nesting in 100 KB.
    private static string Dashes(int depth) => "x:\n" + string.Concat(Enumerable.Repeat("- ", depth)) + "leaf\n";

    [Fact]
    public void SixtyFourLevelsAreRead()
    {
        Assert.Equal([], Parse(Flow(63)).Lines); // with the root mapping, 64
        Assert.Equal([], Parse(Block(64)).Lines);
        Assert.Equal([], Parse(Dashes(63)).Lines);
    }

    [Fact]
    public void FlowNestingPastTheLimitIsRefusedAtTheFirstTooDeepBracket()
    {
        var (root, lines) = Parse(Flow(64));
        Assert.Null(root);
        Assert.Equal(["f.yml:1:67: error SB9902: YAML refused: YAML nested more than 64 levels deep here"], lines);
    }

    [Fact]
    public void BlockNestingPastTheLimitIsRefusedAtTheFirstTooDeepKey()
    {
        // Level k's mapping starts at line k, column 2k-1: the 65th is too deep.
        Assert.Equal(["f.yml:65:129: error SB9902: YAML refused: YAML nested more than 64 levels deep here"], Parse(Block(65)).Lines);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void FiftyThousandLevelsAreRefusedQuicklyWithoutRecursing(bool flow)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var (root, lines) = Parse(flow ? Flow(50_000) : Dashes(50_000), lineOffset: 1);
        Assert.Null(root);
        // The 64th '[' (column 3 + 64), or the 64th dash (column 1 + 2 × 63), is the 65th level.
        Assert.Equal([flow ? "f.yml:2:67: error SB9902: YAML refused: YAML nested more than 64 levels deep here"
                           : "f.yml:3:127: error SB9902: YAML refused: YAML nested more than 64 levels deep here"], lines);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public void BillionLaughsAreRefusedAtTheAliasThatExpandsTooFar()
    {
        var text = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'i'; c++)
        {
            char p = (char)(c - 1);
            text.Append($"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n");
        }
        var (root, lines) = Parse(text.ToString());
        Assert.Null(root);
        // a to d hold 12,348 nodes expanded, d 11,111 of them: the 8th alias of d in e passes 100,000.
        Assert.Equal(["f.yml:5:36: error SB9902: YAML refused: aliases expand to more than 100,000 nodes (the alias '*d' stands for 11,111)"], lines);
    }

    [Fact]
    public void AFewAliasesAreFine()
    {
        var (root, lines) = Parse("base: &b {x: 1, y: 2}\none: *b\ntwo: [*b, *b]\n");
        Assert.Empty(lines);
        Assert.IsType<YamlMappingNode>(root);
    }

    [Fact]
    public void MoreThanAHundredThousandNodesAreRefusedAtTheNodeThatPassesTheLimit()
    {
        // The root mapping, its key and the sequence are 3 nodes: item 99,998 is the 100,001st.
        string items = string.Join(", ", Enumerable.Repeat("1", 100_000));
        var (root, lines) = Parse("x: [" + items + "]\n");
        Assert.Null(root);
        Assert.Equal([$"f.yml:1:{4 + 3 * 99_997 + 1}: error SB9902: YAML refused: more than 100,000 YAML nodes"], lines);
        Assert.Empty(Parse("x: [" + string.Join(", ", Enumerable.Repeat("1", 99_997)) + "]\n").Lines);
    }

    [Fact]
    public void AnAliasInsideItsOwnAnchorIsACycleAndRefused() =>
        Assert.Equal(["f.yml:2:8: error SB9902: YAML refused: the alias '*a' refers to a node that holds it (a cycle)"],
            Parse("ok: 1\na: &a [*a]\n").Lines);

    [Fact]
    public void AnAliasToNoEarlierAnchorIsASyntaxError()
    {
        // YamlDotNet resolves such forward references after the document, and two of them make a cycle.
        Assert.Equal(["f.yml:1:5: error SB9901: invalid YAML: the alias '*b' refers to no anchor '&b' before it"],
            Parse("a: [*b]\nb: &b [*a]\n").Lines);
        Assert.Equal(["f.yml:1:1: error SB9901: invalid YAML: the alias '*:' refers to no anchor '&:' before it"], Parse("*: ../\n").Lines);
    }

    [Fact]
    public void AnEmptyKeyWithANestedMappingIsASyntaxErrorNotACrash()
    {
        // YamlDotNet's parser reads "title" and "S" as a key and a value of the outer mapping, then its loader throws
        // ArgumentException ("The current event is of an unsupported type") on the key left without a value.
        var (root, lines) = Parse("sections:\n  :\n    title: S\n", lineOffset: 1);
        Assert.Null(root);
        Assert.Equal(["f.yml:4:12: error SB9901: invalid YAML: a mapping here cannot be read (a key without a value; an empty ':' or '?' key above it?)"], lines);
    }

    [Fact]
    public void ADuplicateKeyIsASyntaxErrorAtTheKey()
    {
        Assert.Equal(["f.yml:3:1: error SB9901: invalid YAML: Duplicate key x"], Parse("x: 1\ny: 2\nx: 3\n").Lines);
        // Through an alias, the key is the anchored node.
        Assert.Equal(["f.yml:1:1: error SB9901: invalid YAML: Duplicate key x"], Parse("&a x: 1\n*a: 2\n").Lines);
    }

    [Theory]
    [InlineData("[a]: c\n", "f.yml:1:1: error SB9903: a key of here must be a name, not a sequence; this entry is ignored")]
    [InlineData("? [a, b]\n: x\n", "f.yml:1:3: error SB9903: a key of here must be a name, not a sequence; this entry is ignored")]
    [InlineData("{a: b}: c\n", "f.yml:1:1: error SB9903: a key of here must be a name, not a mapping; this entry is ignored")]
    [InlineData("k: &k {a: b}\n? *k\n: c\n", "f.yml:1:4: error SB9903: a key of here must be a name, not a mapping; this entry is ignored")]
    public void AKeyThatIsNotAScalarIsATypeErrorAtTheKey(string yaml, string expected)
    {
        var bag = new DiagnosticBag();
        var positions = new YamlPositions("f.yml", 0);
        var root = (YamlMappingNode)YamlReader.Parse(yaml, positions, bag, Syntax, Limit)!;
        var reader = new YamlReader(positions, bag, Type);
        var keys = root.Children.Keys.Select(k => reader.Key(k, "of here")).ToList();
        Assert.Contains(null, keys);
        Assert.Equal([expected], bag.ToSortedList().Select(d => d.ToString()));
    }

    [Theory]
    [InlineData("title: x\n", "title")]
    [InlineData("\"title\": x\n", "title")]
    [InlineData("'a b': x\n", "a b")]
    [InlineData("!!str 12: x\n", "12")]
    [InlineData("&t title: x\n", "title")]
    public void ScalarKeysAreNames(string yaml, string expected)
    {
        var bag = new DiagnosticBag();
        var positions = new YamlPositions("f.yml", 0);
        var root = (YamlMappingNode)YamlReader.Parse(yaml, positions, bag, Syntax, Limit)!;
        Assert.Equal(expected, new YamlReader(positions, bag, Type).Key(root.Children.Keys.Single(), "of here"));
        Assert.Empty(bag.ToSortedList());
    }

    [Fact]
    public void NegativeSizesAreTypeErrorsAtTheValue()
    {
        var bag = new DiagnosticBag();
        var positions = new YamlPositions("f.yml", 0);
        var root = (YamlMappingNode)YamlReader.Parse("budget: -1\n", positions, bag, Syntax, Limit)!;
        Assert.Null(new YamlReader(positions, bag, Type).Int(root.Children.Values.Single(), "budget", min: 1));
        Assert.Equal(["f.yml:1:9: error SB9903: 'budget' must be a whole number of at least 1"], bag.ToSortedList().Select(d => d.ToString()));
    }
}
