using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using Bot.Engine;
using Bot.Engine.Commands;
using Bot.Engine.Contracts;
using Bot.Engine.Knowledge;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Bot.Host.Web;

/// <summary>
/// The guides as HTML pages. Markdown is rendered with raw HTML disabled; links to knowledge ids (guide:dnssec,
/// dns:rcode:2) become links to other guides or to the web chat asking about the code. Rendered once per language.
/// </summary>
internal sealed class GuidePages(EngineHolder holder)
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoIdentifiers()
        .DisableHtml()
        .Build();

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private readonly ConcurrentDictionary<(string, Locale), string> _pages = new();

    // Only used after the engine task completed (the public methods await it first).
    private BotEngine Engine => holder.Engine.Result;

    public async Task<string?> PageAsync(string slug, Locale locale, CancellationToken cancellationToken)
    {
        var ready = await holder.Engine.WaitAsync(cancellationToken);
        return ready.Knowledge.Guides.TryGetValue("guide:" + slug, out var guide)
            ? _pages.GetOrAdd((slug, locale), _ => Render(guide, locale))
            : null;
    }

    public async Task<string> IndexAsync(Locale locale, CancellationToken cancellationToken)
    {
        await holder.Engine.WaitAsync(cancellationToken);
        return Index(locale);
    }

    private string Index(Locale locale) => _pages.GetOrAdd(("", locale), _ =>
    {
        var sb = new StringBuilder("<ul class=\"guide-list\">");
        foreach (var g in Engine.Knowledge.Guides.Values)
        {
            sb.Append("<li><a href=\"").Append(Encoder.Encode(Engine.Links.Guide(g, locale))).Append("\">")
              .Append(Encoder.Encode(g.Text[locale].Title)).Append("</a>: ").Append(Encoder.Encode(g.Text[locale].Summary)).Append("</li>");
        }

        return Layout(Engine.Knowledge.Ui[Bot.Engine.Localization.UiKeys.GuidesTitle, locale], sb.Append("</ul>").ToString(), locale, "");
    });

    private string Render(Guide guide, Locale locale)
    {
        var document = Markdown.Parse(guide.Markdown[locale], Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            link.Url = Rewrite(link.Url, locale);
        }

        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        return Layout(guide.Text[locale].Title, writer.ToString(), locale, guide.Slug);
    }

    private string? Rewrite(string? url, Locale locale)
    {
        if (url is null || url.StartsWith("https://", StringComparison.Ordinal) || url.StartsWith('#'))
        {
            return url;
        }

        if (url.StartsWith("guide:", StringComparison.Ordinal))
        {
            return Engine.Links.Guide(url["guide:".Length..], locale);
        }

        // Only ids the knowledge base holds (the loader checked every link); anything else is dropped.
        return Engine.Knowledge.Exists(url) || Engine.Knowledge.Exists(url.Split('#')[0])
            ? Engine.Links.Ask(CommandText.For(Engine.Knowledge, url), locale)
            : "#";
    }

    private string Layout(string title, string body, Locale locale, string slug)
    {
        var languages = new StringBuilder();
        foreach (var l in Locales.All)
        {
            var href = slug.Length == 0 ? $"/guides?lang={l.Tag()}" : Engine.Links.Guide(slug, l);
            languages.Append("<a href=\"").Append(Encoder.Encode(href)).Append("\" lang=\"").Append(l.Tag()).Append("\">")
                .Append(l switch { Locale.Ja => "日本語", Locale.De => "Deutsch", _ => "English" }).Append("</a> ");
        }

        return $"""
            <!doctype html>
            <html lang="{locale.Tag()}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Encoder.Encode(title)}</title><link rel="stylesheet" href="/app.css"></head>
            <body class="guide"><header><a href="/">DNS triage bot</a> · <a href="/guides?lang={locale.Tag()}">Guides</a><nav class="langs">{languages}</nav></header>
            <main>{body}</main></body></html>
            """;
    }
}

internal static class GuideEndpoints
{
    public static IEndpointRouteBuilder MapGuidePages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/guides", async (string? lang, GuidePages pages, CancellationToken ct) =>
            Results.Content(await pages.IndexAsync(Locales.Parse(lang) ?? Locale.En, ct), "text/html; charset=utf-8"));
        app.MapGet("/guides/{slug}", async (string slug, string? lang, GuidePages pages, CancellationToken ct) =>
            await pages.PageAsync(slug, Locales.Parse(lang) ?? Locale.En, ct) is { } html
                ? Results.Content(html, "text/html; charset=utf-8")
                : Results.NotFound());
        return app;
    }
}
