using System.Reflection;
using RazorLight;
using RazorLight.Razor;

namespace SiteBuilder.Layouts;

/// <summary>
/// The templates of a <see cref="LayoutSet"/> after compilation: a page factory for each template that compiled,
/// the problems of each that did not. Immutable, so renderers on several threads share one.
/// </summary>
internal sealed class CompiledLayouts
{
    private readonly Dictionary<string, Func<ITemplatePage>> _factories = new(StringComparer.Ordinal);

    private CompiledLayouts(IReadOnlyDictionary<string, Type> types, IReadOnlyDictionary<string, IReadOnlyList<LayoutCompileProblem>> problems, bool fromDisk)
    {
        Problems = problems;
        LoadedFromDisk = fromDisk;
        foreach (var (name, type) in types) _factories[name] = () => Create(type, name);
        foreach (var (name, list) in problems) _factories[name] = () => throw new LayoutCompilationException(name, list);
    }

    /// <summary>The problems of each template that did not compile (empty when all did).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<LayoutCompileProblem>> Problems { get; }

    /// <summary>True when the assembly came from the on-disk cache rather than from a compilation.</summary>
    public bool LoadedFromDisk { get; }

    /// <summary>
    /// The page factory of a template, or null when there is no such template. The factory of a template that did
    /// not compile throws <see cref="LayoutCompilationException"/>.
    /// </summary>
    public Func<ITemplatePage>? FactoryOf(string name) => _factories.GetValueOrDefault(name);

    /// <summary>
    /// Loads an assembly image made by <see cref="LayoutCompiler"/>. Each template class is found by the
    /// <see cref="RazorLightTemplateAttribute"/> RazorLight writes into the assembly with the template's name.
    /// Returns null when the image is not a loadable assembly or its templates are not exactly
    /// <paramref name="expected"/> (a cache file from something else).
    /// </summary>
    public static CompiledLayouts? Load(byte[]? image, IEnumerable<string> expected,
        IReadOnlyDictionary<string, IReadOnlyList<LayoutCompileProblem>> problems, bool fromDisk)
    {
        var types = new Dictionary<string, Type>(StringComparer.Ordinal);
        if (image is not null)
        {
            try
            {
                var assembly = Assembly.Load(image);
                foreach (var attribute in assembly.GetCustomAttributes<RazorLightTemplateAttribute>())
                    if (!types.TryAdd(attribute.Key, attribute.TemplateType)) return null;
            }
            catch (Exception ex) when (ex is BadImageFormatException or FileLoadException or FileNotFoundException or TypeLoadException)
            {
                return null;
            }
        }
        if (!types.Keys.Order(StringComparer.Ordinal).SequenceEqual(expected.Order(StringComparer.Ordinal), StringComparer.Ordinal)) return null;
        return new CompiledLayouts(types, problems, fromDisk);
    }

    private static ITemplatePage Create(Type type, string name)
    {
        var page = (TemplatePageBase)Activator.CreateInstance(type)!;
        page.Key = name;
        // Set on every page, partials and _Layout included, since RazorLight creates each through this factory.
        page.HtmlEncoder = LayoutHtmlEncoder.Instance;
        return page;
    }
}
