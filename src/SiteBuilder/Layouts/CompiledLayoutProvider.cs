using System.Collections.Concurrent;
using Microsoft.Extensions.Primitives;
using RazorLight;
using RazorLight.Caching;
using RazorLight.Compilation;

namespace SiteBuilder.Layouts;

/// <summary>
/// Hands RazorLight the templates of a <see cref="CompiledLayouts"/> through its template cache, for every key it
/// asks for: the page's layout, its <c>_Layout</c> and partials. Every lookup is a hit, so RazorLight never compiles.
/// </summary>
internal sealed class CompiledLayoutProvider : ICachingProvider
{
    private readonly CompiledLayouts _compiled;
    private readonly LayoutSet _layouts;
    private readonly ConcurrentDictionary<string, TemplateCacheLookupResult> _results = new(StringComparer.Ordinal);

    public CompiledLayoutProvider(CompiledLayouts compiled, LayoutSet layouts)
    {
        _compiled = compiled;
        _layouts = layouts;
    }

    /// <summary>A compiler for the engine's constructor; it is never called, since every template is in the cache.</summary>
    public static IRazorTemplateCompiler NoCompiler { get; } = new UnusedCompiler();

    public TemplateCacheLookupResult RetrieveTemplate(string key) => _results.GetOrAdd(key, k =>
    {
        // Layouts name others as "_Layout", "_Toc.cshtml" or "/layouts/_Toc.cshtml" alike.
        string name = LayoutSet.NameOf(k);
        var factory = _compiled.FactoryOf(name) ?? (() => throw new TemplateNotFoundException(
            $"layout '{name}' not found; {_layouts.DisplayRoot} has: {string.Join(", ", _layouts.Templates.Keys.Order(StringComparer.Ordinal))}"));
        return new TemplateCacheLookupResult(new TemplateCacheItem(k, factory));
    });

    public bool Contains(string key) => true;

    public void CacheTemplate(string key, Func<ITemplatePage> pageFactory, IChangeToken expirationToken) =>
        throw new InvalidOperationException("layouts are compiled up front; RazorLight should not compile one");

    public void Remove(string key) { }

    private sealed class UnusedCompiler : IRazorTemplateCompiler
    {
        public ICompilationService CompilationService => throw new InvalidOperationException("layouts are compiled up front");

        public Task<CompiledTemplateDescriptor> CompileAsync(string templateKey) =>
            throw new InvalidOperationException($"layouts are compiled up front; RazorLight asked to compile '{templateKey}'");
    }
}
