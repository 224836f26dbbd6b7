using Bot.Knowledge.Schema;

namespace Bot.Engine.Knowledge;

public sealed partial class KnowledgeLoader
{
    private Localized<EntryText>? Texts(Dictionary<string, TextDto>? texts, string file, string field, Shape shape)
    {
        if (!HasExactlyTheLocales(texts?.Keys, file, field))
        {
            return null;
        }

        var en = Text(texts!["en"], file, field + ".en", shape);
        var ja = Text(texts["ja"], file, field + ".ja", shape);
        var de = Text(texts["de"], file, field + ".de", shape);
        return new Localized<EntryText>(en, ja, de);
    }

    private EntryText Text(TextDto dto, string file, string field, Shape shape)
    {
        void Need(string? value, string name)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Problem(file, $"{field}.{name}", "required");
            }
        }

        void NeedList(List<string>? value, string name)
        {
            if (value is not { Count: > 0 } || value.Any(string.IsNullOrWhiteSpace))
            {
                Problem(file, $"{field}.{name}", "a non-empty list without empty items is required");
            }
        }

        dto ??= new TextDto();
        switch (shape)
        {
            case Shape.Rich:
                Need(dto.Title, "title");
                Need(dto.Summary, "summary");
                Need(dto.Meaning, "meaning");
                NeedList(dto.When, "when");
                NeedList(dto.Fix, "fix");
                Need(dto.Wire, "wire");
                break;
            case Shape.Short:
                Need(dto.Title, "title");
                Need(dto.Summary, "summary");
                break;
            case Shape.Comparison:
                Need(dto.Summary, "summary");
                NeedList(dto.Points, "points");
                break;
            case Shape.Scenario:
                Need(dto.Title, "title");
                NeedList(dto.Symptoms, "symptoms");
                NeedList(dto.Confirm, "confirm");
                Need(dto.Cause, "cause");
                NeedList(dto.Fix, "fix");
                break;
            case Shape.Cause:
                Need(dto.Title, "title");
                Need(dto.Summary, "summary");
                NeedList(dto.Fix, "fix");
                break;
            case Shape.Triage:
                Need(dto.Title, "title");
                Need(dto.Explanation, "explanation");
                Need(dto.Next, "next");
                break;
        }

        var text = new EntryText
        {
            Title = Clean(dto.Title),
            Summary = Clean(dto.Summary),
            Meaning = Clean(dto.Meaning),
            When = CleanList(dto.When),
            Fix = CleanList(dto.Fix),
            Wire = Clean(dto.Wire),
            Body = Clean(dto.Body),
            Symptoms = CleanList(dto.Symptoms),
            Confirm = CleanList(dto.Confirm),
            Cause = Clean(dto.Cause),
            Points = CleanList(dto.Points),
            Tell = Clean(dto.Tell),
            Explanation = Clean(dto.Explanation),
            Next = Clean(dto.Next),
        };
        CheckInline(text, file, field);
        return text;
    }

    /// <summary>Text may hold backtick code spans and nothing else that a renderer would have to trust.</summary>
    private void CheckInline(EntryText text, string file, string field)
    {
        IEnumerable<string> all = [text.Title, text.Summary, text.Meaning, text.Wire, text.Body, text.Cause, text.Tell, text.Explanation, text.Next,
            .. text.When, .. text.Fix, .. text.Symptoms, .. text.Confirm, .. text.Points];
        foreach (var s in all)
        {
            if (s.Count(c => c == '`') % 2 != 0)
            {
                Problem(file, field, $"unbalanced backticks in \"{Excerpt(s)}\"");
            }

            if (s.Contains("](", StringComparison.Ordinal))
            {
                Problem(file, field, $"links are not allowed in entry text: \"{Excerpt(s)}\"");
            }
        }
    }

    private static string Excerpt(string s) => s.Length <= 60 ? s : s[..60] + "…";

    private static string Clean(string? s) => s?.Trim() ?? "";

    private static List<string> CleanList(List<string>? list) => list?.Select(Clean).ToList() ?? [];

    private Localized<string>? LocalizedString(Dictionary<string, string>? texts, string file, string field)
    {
        if (!HasExactlyTheLocales(texts?.Keys, file, field))
        {
            return null;
        }

        foreach (var key in LocaleKeys)
        {
            if (string.IsNullOrWhiteSpace(texts![key]))
            {
                Problem(file, $"{field}.{key}", "required");
            }
        }

        return new Localized<string>(Clean(texts!["en"]), Clean(texts["ja"]), Clean(texts["de"]));
    }

    private Localized<IReadOnlyList<string>>? LocalizedList(Dictionary<string, List<string>>? lists, string file, string field)
    {
        if (!HasExactlyTheLocales(lists?.Keys, file, field))
        {
            return null;
        }

        foreach (var key in LocaleKeys)
        {
            if (lists![key] is not { Count: > 0 })
            {
                Problem(file, $"{field}.{key}", "a non-empty list is required");
            }
        }

        return new Localized<IReadOnlyList<string>>(CleanList(lists!["en"]), CleanList(lists["ja"]), CleanList(lists["de"]));
    }

    private bool HasExactlyTheLocales(IEnumerable<string>? keys, string file, string field)
    {
        var set = keys?.ToHashSet(StringComparer.Ordinal) ?? [];
        var missing = LocaleKeys.Where(k => !set.Contains(k)).ToList();
        var extra = set.Where(k => !LocaleKeys.Contains(k)).ToList();
        if (missing.Count > 0)
        {
            Problem(file, field, $"missing language(s): {string.Join(", ", missing)}");
        }

        if (extra.Count > 0)
        {
            Problem(file, field, $"unknown language key(s): {string.Join(", ", extra)} (only en, ja, de)");
        }

        return missing.Count == 0;
    }
}
