using System.Globalization;
using Bot.Engine.Contracts;

namespace Bot.Engine.Knowledge;

/// <summary>The fixed strings of the user interface (headings, labels, messages), from knowledge/ui/.</summary>
public sealed class UiStrings(IReadOnlyDictionary<string, Localized<string>> strings)
{
    public IReadOnlyDictionary<string, Localized<string>> All => strings;

    public string this[string key, Locale locale] =>
        strings.TryGetValue(key, out var text) ? text[locale] : throw new KeyNotFoundException($"UI string '{key}' is missing from knowledge/ui.");

    public string Format(string key, Locale locale, params object[] args) =>
        string.Format(CultureInfo.InvariantCulture, this[key, locale], args);

    public bool Has(string key) => strings.ContainsKey(key);
}
