using Bot.Engine.Contracts;
using Bot.Engine.Knowledge;

namespace Bot.Engine.Rendering;

/// <summary>Makes the absolute URLs that answers link to, from the configured base URL.</summary>
public sealed class LinkBuilder(string baseUrl)
{
    private readonly string _base = baseUrl.TrimEnd('/');

    public string BaseUrl => _base;

    public string Guide(Guide guide, Locale locale) => Guide(guide.Slug, locale);

    public string Guide(string slug, Locale locale) =>
        locale == Locale.En ? $"{_base}/guides/{slug}" : $"{_base}/guides/{slug}?lang={locale.Tag()}";

    /// <summary>A link that opens the web chat and asks <paramref name="command"/>.</summary>
    public string Ask(string command, Locale locale) =>
        $"{_base}/?q={Uri.EscapeDataString(command)}" + (locale == Locale.En ? "" : $"&lang={locale.Tag()}");
}
