using Microsoft.Playwright;

namespace SiteBuilder.IntegrationTests.Search;

/// <summary>
/// The header search box as a test reads it: the WAI-ARIA attributes of the combobox, its options and its live region
/// (<c>#search-status</c>), after each key a reader presses.
/// </summary>
public static class SearchCombobox
{
    /// <summary>What the box exposes now.</summary>
    /// <param name="Expanded">The input's <c>aria-expanded</c>.</param>
    /// <param name="ActiveDescendant">The input's <c>aria-activedescendant</c>, or null.</param>
    /// <param name="Selected">The ids of the options with <c>aria-selected="true"</c>, space-separated.</param>
    /// <param name="Options">How many options the listbox holds.</param>
    /// <param name="PanelVisible">Whether the dropdown shows.</param>
    /// <param name="Message">The visible message of the dropdown (e.g. "No results for …"), or empty.</param>
    /// <param name="Status">The live region's text.</param>
    /// <param name="Value">The text typed in the box.</param>
    /// <param name="Focused">The id of the focused element.</param>
    public sealed record State(string Expanded, string? ActiveDescendant, string Selected, int Options, bool PanelVisible,
        string Message, string Status, string Value, string Focused);

    /// <summary>Reads the box's state.</summary>
    public static async Task<State> ReadAsync(IPage tab)
    {
        var s = await tab.EvaluateAsync<System.Text.Json.JsonElement>("""
            () => {
              const input = document.getElementById('search-input');
              const panel = document.querySelector('.search-panel');
              const message = panel.querySelector('.search-message');
              return {
                expanded: input.getAttribute('aria-expanded'),
                active: input.getAttribute('aria-activedescendant'),
                selected: [...document.querySelectorAll('#search-results [aria-selected="true"]')].map(o => o.id),
                options: document.querySelectorAll('#search-results [role="option"]').length,
                visible: !panel.hidden && panel.getBoundingClientRect().height > 0,
                message: message.hidden ? '' : message.textContent,
                status: document.getElementById('search-status').textContent,
                value: input.value,
                focused: document.activeElement ? document.activeElement.id : '',
              };
            }
            """);
        return new State(s.GetProperty("expanded").GetString()!,
            s.GetProperty("active").ValueKind == System.Text.Json.JsonValueKind.Null ? null : s.GetProperty("active").GetString(),
            string.Join(" ", s.GetProperty("selected").EnumerateArray().Select(e => e.GetString()!)),
            s.GetProperty("options").GetInt32(), s.GetProperty("visible").GetBoolean(), s.GetProperty("message").GetString()!,
            s.GetProperty("status").GetString()!, s.GetProperty("value").GetString()!, s.GetProperty("focused").GetString()!);
    }

    /// <summary>Focuses the box, types <paramref name="text"/> and waits until the results for it are shown and announced.</summary>
    public static async Task TypeAsync(IPage tab, string text)
    {
        await tab.FocusAsync("#search-input");
        await tab.Keyboard.TypeAsync(text);
        await WaitForResultsAsync(tab);
    }

    /// <summary>Waits until the dropdown shows what the box's whole text finds, and the live region says so.</summary>
    public static Task WaitForResultsAsync(IPage tab) =>
        tab.WaitForFunctionAsync("""
            () => {
              const panel = document.querySelector('.search-panel');
              // aria-busy: a keystroke's results are still coming (an earlier prefix's may show meanwhile).
              return !panel.hidden && document.getElementById('search-status').textContent !== ''
                && !document.getElementById('search-results').hasAttribute('aria-busy');
            }
            """, null, new PageWaitForFunctionOptions { Timeout = 30_000 });

    /// <summary>The href of every option, in order.</summary>
    public static Task<string[]> HrefsAsync(IPage tab) =>
        tab.Locator("#search-results a[role=option]").EvaluateAllAsync<string[]>("els => els.map(e => e.href)");
}
