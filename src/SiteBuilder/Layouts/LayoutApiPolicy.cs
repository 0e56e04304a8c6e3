using Microsoft.CodeAnalysis;

namespace SiteBuilder.Layouts;

/// <summary>
/// What a layout may use in safe mode (the default; <c>--trust-layouts</c> lifts it): the page model, strings,
/// numbers, dates, collections, a few LINQ methods that consume a sequence at once, and the Razor template's own
/// members. Not on the list, so refused: files and folders, the network, processes, the environment, reflection
/// (<c>GetType</c>, <c>typeof</c>, <c>Type</c>), threads and tasks, <c>dynamic</c>, and LINQ's deferred operators
/// (<c>Select</c>, <c>Where</c> …), whose chains recurse inside the runtime where no guard can stop a stack overflow.
/// Every API listed runs in bounded stack whatever the data, or recurses only through layout code, which is guarded.
/// </summary>
internal static class LayoutApiPolicy
{
    // Types whose every member is allowed.
    private static readonly HashSet<string> WholeTypes = new(StringComparer.Ordinal)
    {
        "System.String", "System.Char", "System.Boolean", "System.Byte", "System.SByte", "System.Int16", "System.UInt16",
        "System.Int32", "System.UInt32", "System.Int64", "System.UInt64", "System.Single", "System.Double", "System.Decimal",
        "System.Math", "System.MathF", "System.DateTime", "System.DateTimeOffset", "System.TimeSpan", "System.DateOnly",
        "System.TimeOnly", "System.DayOfWeek", "System.Nullable`1", "System.Index", "System.Range", "System.StringComparer",
        "System.StringComparison", "System.StringSplitOptions", "System.MidpointRounding", "System.Enum", "System.Void",
        "System.IComparable`1", "System.IEquatable`1", "System.IFormattable", "System.IFormatProvider", "System.IDisposable",
        "System.Uri", "System.UriKind", "System.Text.StringBuilder", "System.Text.Rune",
        "System.Globalization.NumberStyles", "System.Globalization.DateTimeStyles",
        "System.Collections.IEnumerable", "System.Collections.IEnumerator",
        "System.Collections.Generic.List`1", "System.Collections.Generic.Dictionary`2", "System.Collections.Generic.HashSet`1",
        "System.Collections.Generic.SortedDictionary`2", "System.Collections.Generic.SortedSet`1", "System.Collections.Generic.Queue`1",
        "System.Collections.Generic.Stack`1", "System.Collections.Generic.KeyValuePair`2", "System.Collections.Generic.IEnumerable`1",
        "System.Collections.Generic.IEnumerator`1", "System.Collections.Generic.ICollection`1", "System.Collections.Generic.IList`1",
        "System.Collections.Generic.IReadOnlyList`1", "System.Collections.Generic.IReadOnlyCollection`1",
        "System.Collections.Generic.IDictionary`2", "System.Collections.Generic.IReadOnlyDictionary`2",
        "System.Collections.Generic.ISet`1", "System.Collections.Generic.IReadOnlySet`1", "System.Collections.Generic.Comparer`1",
        "System.Collections.Generic.EqualityComparer`1", "System.Collections.Generic.IComparer`1", "System.Collections.Generic.IEqualityComparer`1",
        // The model: records of strings and lists, built by SiteBuilder.
        "SiteBuilder.Layouts.PageModel", "SiteBuilder.Layouts.SiteModel", "SiteBuilder.Layouts.NavLink", "SiteBuilder.Layouts.NavNode",
        "SiteBuilder.Layouts.TocEntry", "SiteBuilder.Layouts.FieldValue", "SiteBuilder.Layouts.EntryTable", "SiteBuilder.Layouts.EntryRow",
        "SiteBuilder.Layouts.EntryColumn", "SiteBuilder.Content.PageKind",
        // What Razor writes and templates return.
        "RazorLight.Text.IRawString", "RazorLight.Text.RawString", "Microsoft.AspNetCore.Html.IHtmlContent", "Microsoft.AspNetCore.Html.HtmlString",
    };

    // Types of which only some members are allowed (the type itself may be named).
    private static readonly Dictionary<string, HashSet<string>> SomeMembers = new(StringComparer.Ordinal)
    {
        ["System.Object"] = [".ctor", "ToString", "Equals", "GetHashCode", "ReferenceEquals"],
        ["System.Array"] = ["Length", "LongLength", "Empty", "IndexOf", "LastIndexOf", "Sort", "Reverse", "Copy", "Fill", "Resize", "Exists",
            "Find", "FindAll", "FindIndex", "FindLast", "FindLastIndex", "TrueForAll", "ConvertAll", "BinarySearch", "Clear", "GetEnumerator"],
        ["System.Globalization.CultureInfo"] = ["InvariantCulture", "GetCultureInfo", "Name"],
        ["System.Threading.Tasks.Task"] = ["CompletedTask", "GetAwaiter"],
        ["System.Threading.Tasks.Task`1"] = ["GetAwaiter"],
        ["System.Threading.Tasks.ValueTask"] = ["GetAwaiter"],
        ["System.Threading.Tasks.ValueTask`1"] = ["GetAwaiter"],
        ["System.Linq.Enumerable"] = ["Any", "All", "Count", "LongCount", "Contains", "First", "FirstOrDefault", "Last", "LastOrDefault",
            "Single", "SingleOrDefault", "ElementAt", "ElementAtOrDefault", "Sum", "Min", "Max", "MinBy", "MaxBy", "Average", "Aggregate",
            "ToList", "ToArray", "ToDictionary", "ToHashSet", "SequenceEqual", "Empty"],
        // The template's own members: writing, including, sections, the model. Not ViewBag (dynamic), PageContext,
        // Output, IncludeFunc or the tag-helper machinery.
        ["RazorLight.TemplatePageBase"] = ["Layout", "IncludeAsync", "Raw", "Write", "WriteLiteral", "BeginWriteAttribute", "WriteAttributeValue",
            "EndWriteAttribute", "DefineSection", "ExecuteAsync", "Key", "DisableEncoding", "BeginContext", "EndContext",
            "RenderBody", "RenderSection", "RenderSectionAsync", "IsSectionDefined", "IgnoreBody", "IgnoreSection"],
        ["RazorLight.TemplatePage"] = ["RenderBody", "RenderSection", "RenderSectionAsync", "IsSectionDefined", "IgnoreBody", "IgnoreSection",
            "DefineSection", "ExecuteAsync", "Layout", "IncludeAsync"],
        ["RazorLight.TemplatePage`1"] = ["Model", "ExecuteAsync"],
        ["RazorLight.Razor.RazorLightTemplateAttribute"] = [".ctor"],
    };

    // Delegates a layout may make and call (Invoke only: not Method, Target or DynamicInvoke).
    private static readonly HashSet<string> Delegates = new(StringComparer.Ordinal)
    {
        "System.Predicate`1", "System.Comparison`1", "RazorLight.Internal.RenderAsyncDelegate",
    };

    /// <summary>True when a value or name of this type may appear in a layout.</summary>
    public static bool AllowsType(ITypeSymbol? type)
    {
        switch (type)
        {
            case null or IErrorTypeSymbol or ITypeParameterSymbol:
                return true;
            case IArrayTypeSymbol array:
                return AllowsType(array.ElementType);
            case INamedTypeSymbol named:
                if (named.IsAnonymousType) return false;
                if (named.Locations.Any(l => l.IsInSource)) return true;
                if (named.IsTupleType || IsDelegate(named) || Known(named))
                    return named.TypeArguments.All(AllowsType);
                return false;
            default:
                // dynamic, pointers, function pointers.
                return false;
        }
    }

    /// <summary>True when <paramref name="symbol"/> (a member, type, local …) may be used in a layout.</summary>
    public static bool Allows(ISymbol symbol)
    {
        switch (symbol)
        {
            case INamespaceSymbol or ILocalSymbol or IParameterSymbol or IRangeVariableSymbol or ILabelSymbol or IDiscardSymbol:
                return true;
            case IAliasSymbol alias:
                return Allows(alias.Target);
            case ITypeSymbol type:
                return AllowsType(type);
            case IMethodSymbol { MethodKind: MethodKind.BuiltinOperator }:
                return true;
        }
        if (symbol is IMethodSymbol { ReducedFrom: { } extension }) symbol = extension;
        if (symbol.Locations.Any(l => l.IsInSource)) return true;
        if (symbol.ContainingType is not { } owner) return false;
        owner = owner.OriginalDefinition;
        string name = MetadataName(owner);
        if (owner.IsTupleType || name.StartsWith("System.ValueTuple`", StringComparison.Ordinal)) return symbol is IFieldSymbol;
        if (IsDelegate(owner)) return symbol.Name is "Invoke" or ".ctor";
        if (WholeTypes.Contains(name)) return true;
        return SomeMembers.TryGetValue(name, out var members) && members.Contains(symbol.Name);
    }

    private static bool Known(INamedTypeSymbol type)
    {
        string name = MetadataName(type.OriginalDefinition);
        return WholeTypes.Contains(name) || SomeMembers.ContainsKey(name) || name.StartsWith("System.ValueTuple`", StringComparison.Ordinal);
    }

    private static bool IsDelegate(INamedTypeSymbol type)
    {
        string name = MetadataName(type.OriginalDefinition);
        return Delegates.Contains(name) || name.StartsWith("System.Func`", StringComparison.Ordinal) ||
               name.StartsWith("System.Action", StringComparison.Ordinal) && (name.Length == "System.Action".Length || name["System.Action".Length] == '`');
    }

    /// <summary><c>System.Collections.Generic.List`1</c>: the namespace, outer types and metadata name.</summary>
    public static string MetadataName(INamedTypeSymbol type)
    {
        string name = type.MetadataName;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType) name = outer.MetadataName + "+" + name;
        return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + name : name;
    }
}
