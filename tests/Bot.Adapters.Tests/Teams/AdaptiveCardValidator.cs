using System.Text;
using System.Text.Json;

namespace Bot.Adapters.Tests.Teams;

/// <summary>
/// A small validator for the Adaptive Card 1.5 subset the Teams renderer uses: every element and action
/// <c>type</c> is known, required properties are present and well-formed, enum values are valid, no property is
/// unknown, the root is version 1.5, and the JSON is under Teams' 80 KB (and, when given, a tighter budget).
/// It walks the JSON rather than the C# model, so it also checks what the serializer wrote.
/// </summary>
internal static class AdaptiveCardValidator
{
    public const int TeamsMaxBytes = 80 * 1024;

    private static readonly HashSet<string> Sizes = Set("default", "small", "medium", "large", "extraLarge");
    private static readonly HashSet<string> Weights = Set("default", "lighter", "bolder");
    private static readonly HashSet<string> Colors = Set("default", "dark", "light", "accent", "good", "warning", "attention");
    private static readonly HashSet<string> Spacings = Set("none", "small", "default", "medium", "large", "extraLarge", "padding");
    private static readonly HashSet<string> FontTypes = Set("default", "monospace");
    private static readonly HashSet<string> ContainerStyles = Set("default", "emphasis", "good", "attention", "warning", "accent");
    private static readonly HashSet<string> ActionStyles = Set("default", "positive", "destructive");
    private static readonly HashSet<string> ChoiceStyles = Set("compact", "expanded", "filtered");
    private static readonly HashSet<string> InputSets = Set("auto", "none");

    private static readonly HashSet<string> CommonElement = Names("type", "id", "spacing", "separator", "isVisible");
    private static readonly HashSet<string> CommonAction = Names("type", "id", "title", "style", "tooltip", "isEnabled");

    private static readonly Dictionary<string, HashSet<string>> ElementProperties = new(StringComparer.Ordinal)
    {
        ["TextBlock"] = Names("text", "wrap", "size", "weight", "color", "isSubtle", "fontType", "maxLines", "horizontalAlignment"),
        ["RichTextBlock"] = Names("inlines", "horizontalAlignment"),
        ["FactSet"] = Names("facts"),
        ["Container"] = Names("items", "style", "bleed"),
        ["ActionSet"] = Names("actions"),
        ["Input.ChoiceSet"] = Names("choices", "placeholder", "style", "isMultiSelect", "value", "label", "isRequired", "errorMessage"),
    };

    private static readonly Dictionary<string, HashSet<string>> ActionProperties = new(StringComparer.Ordinal)
    {
        ["Action.OpenUrl"] = Names("url"),
        ["Action.Submit"] = Names("data", "associatedInputs"),
        ["Action.Execute"] = Names("verb", "data", "associatedInputs", "fallback"),
        ["Action.ShowCard"] = Names("card"),
    };

    private static readonly HashSet<string> TextRunProperties =
        Names("type", "text", "size", "weight", "color", "isSubtle", "fontType", "italic", "strikethrough", "highlight", "underline");

    /// <summary>Every problem found in <paramref name="json"/>, each with its JSON path; empty when the card is valid.</summary>
    public static List<string> Validate(string json, int? budget = null)
    {
        var errors = new List<string>();
        var bytes = Encoding.UTF8.GetByteCount(json);
        if (bytes >= TeamsMaxBytes)
        {
            errors.Add($"$: {bytes} bytes, Teams allows under {TeamsMaxBytes}");
        }

        if (budget is { } max && bytes > max)
        {
            errors.Add($"$: {bytes} bytes, over the budget of {max}");
        }

        using var document = JsonDocument.Parse(json);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        Card(document.RootElement, "$", root: true, errors, ids);
        return errors;
    }

    private static void Card(JsonElement card, string path, bool root, List<string> errors, HashSet<string> ids)
    {
        if (!IsObject(card, path, errors))
        {
            return;
        }

        Properties(card, path, Names("type", "$schema", "version", "body", "actions", "msteams", "fallbackText", "speak", "lang"), errors);
        Equal(card, "type", "AdaptiveCard", path, errors);
        if (root)
        {
            Equal(card, "version", "1.5", path, errors);
            Equal(card, "$schema", "http://adaptivecards.io/schemas/adaptive-card.json", path, errors);
        }
        else if (card.TryGetProperty("msteams", out _))
        {
            errors.Add($"{path}.msteams: only on the root card");
        }

        if (card.TryGetProperty("msteams", out var teams))
        {
            Properties(teams, path + ".msteams", Names("width", "entities"), errors);
            Enum(teams, "width", Set("Full"), path + ".msteams", errors);
            if (teams.TryGetProperty("entities", out _))
            {
                errors.Add($"{path}.msteams.entities: the bot never mentions anyone");
            }
        }

        OptionalString(card, "fallbackText", path, errors);
        OptionalString(card, "speak", path, errors);
        if (card.TryGetProperty("body", out var body))
        {
            Elements(body, path + ".body", errors, ids, allowEmpty: true);
        }

        if (card.TryGetProperty("actions", out var actions))
        {
            Actions(actions, path + ".actions", errors, ids);
        }
    }

    private static void Elements(JsonElement list, string path, List<string> errors, HashSet<string> ids, bool allowEmpty)
    {
        if (!IsArray(list, path, errors, allowEmpty))
        {
            return;
        }

        var i = 0;
        foreach (var element in list.EnumerateArray())
        {
            Element(element, $"{path}[{i++}]", errors, ids);
        }
    }

    private static void Element(JsonElement element, string path, List<string> errors, HashSet<string> ids)
    {
        if (!IsObject(element, path, errors))
        {
            return;
        }

        var type = element.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
        if (!ElementProperties.TryGetValue(type, out var own))
        {
            errors.Add($"{path}.type: '{type}' is not an element we allow");
            return;
        }

        path += $"<{type}>";
        Properties(element, path, [.. CommonElement, .. own], errors);
        Enum(element, "spacing", Spacings, path, errors);
        Bool(element, "separator", path, errors);
        Bool(element, "isVisible", path, errors);
        switch (type)
        {
            case "TextBlock":
                RequiredString(element, "text", path, errors);
                Bool(element, "wrap", path, errors);
                Bool(element, "isSubtle", path, errors);
                TextStyle(element, path, errors);
                if (element.TryGetProperty("maxLines", out var maxLines) && (maxLines.ValueKind != JsonValueKind.Number || maxLines.GetInt32() < 1))
                {
                    errors.Add($"{path}.maxLines: a positive number");
                }

                break;
            case "RichTextBlock":
                Inlines(element, path, errors);
                break;
            case "FactSet":
                if (element.TryGetProperty("facts", out var facts) && IsArray(facts, path + ".facts", errors, allowEmpty: false))
                {
                    var i = 0;
                    foreach (var fact in facts.EnumerateArray())
                    {
                        var factPath = $"{path}.facts[{i++}]";
                        if (IsObject(fact, factPath, errors))
                        {
                            Properties(fact, factPath, Names("title", "value"), errors);
                            RequiredString(fact, "title", factPath, errors, allowEmpty: true);
                            RequiredString(fact, "value", factPath, errors, allowEmpty: true);
                        }
                    }
                }
                else if (!element.TryGetProperty("facts", out _))
                {
                    errors.Add($"{path}.facts: required");
                }

                break;
            case "Container":
                Enum(element, "style", ContainerStyles, path, errors);
                Bool(element, "bleed", path, errors);
                if (element.TryGetProperty("items", out var items))
                {
                    Elements(items, path + ".items", errors, ids, allowEmpty: false);
                }
                else
                {
                    errors.Add($"{path}.items: required");
                }

                break;
            case "ActionSet":
                if (element.TryGetProperty("actions", out var actions))
                {
                    Actions(actions, path + ".actions", errors, ids, allowEmpty: false);
                }
                else
                {
                    errors.Add($"{path}.actions: required");
                }

                break;
            case "Input.ChoiceSet":
                ChoiceSet(element, path, errors, ids);
                break;
        }
    }

    private static void Inlines(JsonElement block, string path, List<string> errors)
    {
        if (!block.TryGetProperty("inlines", out var inlines))
        {
            errors.Add($"{path}.inlines: required");
            return;
        }

        if (!IsArray(inlines, path + ".inlines", errors, allowEmpty: false))
        {
            return;
        }

        var i = 0;
        foreach (var run in inlines.EnumerateArray())
        {
            var runPath = $"{path}.inlines[{i++}]";
            if (!IsObject(run, runPath, errors))
            {
                continue;
            }

            Properties(run, runPath, TextRunProperties, errors);
            Equal(run, "type", "TextRun", runPath, errors);
            RequiredString(run, "text", runPath, errors);
            TextStyle(run, runPath, errors);
            foreach (var flag in new[] { "isSubtle", "italic", "strikethrough", "highlight", "underline" })
            {
                Bool(run, flag, runPath, errors);
            }
        }
    }

    private static void ChoiceSet(JsonElement input, string path, List<string> errors, HashSet<string> ids)
    {
        if (RequiredString(input, "id", path, errors) is { } id && !ids.Add(id))
        {
            errors.Add($"{path}.id: '{id}' is used twice");
        }

        OptionalString(input, "placeholder", path, errors);
        Enum(input, "style", ChoiceStyles, path, errors);
        Bool(input, "isMultiSelect", path, errors);
        if (!input.TryGetProperty("choices", out var choices))
        {
            errors.Add($"{path}.choices: required");
            return;
        }

        if (!IsArray(choices, path + ".choices", errors, allowEmpty: false))
        {
            return;
        }

        var values = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var choice in choices.EnumerateArray())
        {
            var choicePath = $"{path}.choices[{i++}]";
            if (!IsObject(choice, choicePath, errors))
            {
                continue;
            }

            Properties(choice, choicePath, Names("title", "value"), errors);
            RequiredString(choice, "title", choicePath, errors);
            if (RequiredString(choice, "value", choicePath, errors) is { } value && !values.Add(value))
            {
                errors.Add($"{choicePath}.value: '{value}' is used twice");
            }
        }
    }

    private static void Actions(JsonElement list, string path, List<string> errors, HashSet<string> ids, bool allowEmpty = true)
    {
        if (!IsArray(list, path, errors, allowEmpty))
        {
            return;
        }

        var i = 0;
        foreach (var action in list.EnumerateArray())
        {
            Action(action, $"{path}[{i++}]", errors, ids);
        }
    }

    private static void Action(JsonElement action, string path, List<string> errors, HashSet<string> ids)
    {
        if (!IsObject(action, path, errors))
        {
            return;
        }

        var type = action.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
        if (!ActionProperties.TryGetValue(type, out var own))
        {
            errors.Add($"{path}.type: '{type}' is not an action we allow");
            return;
        }

        path += $"<{type}>";
        Properties(action, path, [.. CommonAction, .. own], errors);
        RequiredString(action, "title", path, errors);
        Enum(action, "style", ActionStyles, path, errors);
        switch (type)
        {
            case "Action.OpenUrl":
                if (RequiredString(action, "url", path, errors) is { } url
                    && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
                {
                    errors.Add($"{path}.url: '{url}' is not an absolute http(s) URL");
                }

                break;
            case "Action.Submit":
                Data(action, path, errors, required: true);
                Enum(action, "associatedInputs", InputSets, path, errors);
                break;
            case "Action.Execute":
                RequiredString(action, "verb", path, errors);
                Data(action, path, errors, required: false);
                Enum(action, "associatedInputs", InputSets, path, errors);
                if (action.TryGetProperty("fallback", out var fallback))
                {
                    if (fallback.ValueKind == JsonValueKind.String)
                    {
                        if (fallback.GetString() != "drop")
                        {
                            errors.Add($"{path}.fallback: an action or \"drop\"");
                        }
                    }
                    else
                    {
                        Action(fallback, path + ".fallback", errors, ids);
                    }
                }

                break;
            case "Action.ShowCard":
                if (action.TryGetProperty("card", out var card))
                {
                    Card(card, path + ".card", root: false, errors, ids);
                }
                else
                {
                    errors.Add($"{path}.card: required");
                }

                break;
        }
    }

    private static void Data(JsonElement action, string path, List<string> errors, bool required)
    {
        if (!action.TryGetProperty("data", out var data))
        {
            if (required)
            {
                errors.Add($"{path}.data: required (an object, so the bot receives it as the activity's value)");
            }

            return;
        }

        if (data.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{path}.data: an object, not {data.ValueKind}");
        }
    }

    private static void TextStyle(JsonElement element, string path, List<string> errors)
    {
        Enum(element, "size", Sizes, path, errors);
        Enum(element, "weight", Weights, path, errors);
        Enum(element, "color", Colors, path, errors);
        Enum(element, "fontType", FontTypes, path, errors);
    }

    private static void Properties(JsonElement element, string path, HashSet<string> allowed, List<string> errors)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!allowed.Contains(property.Name))
            {
                errors.Add($"{path}.{property.Name}: unknown property");
            }

            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                errors.Add($"{path}.{property.Name}: null (leave it out instead)");
            }
        }
    }

    private static string? RequiredString(JsonElement element, string name, string path, List<string> errors, bool allowEmpty = false)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            errors.Add($"{path}.{name}: a string is required");
            return null;
        }

        var text = value.GetString()!;
        if (!allowEmpty && text.Length == 0)
        {
            errors.Add($"{path}.{name}: empty");
        }

        return text;
    }

    private static void OptionalString(JsonElement element, string name, string path, List<string> errors)
    {
        if (element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.String)
        {
            errors.Add($"{path}.{name}: a string");
        }
    }

    private static void Equal(JsonElement element, string name, string expected, string path, List<string> errors)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String || value.GetString() != expected)
        {
            errors.Add($"{path}.{name}: must be \"{expected}\"");
        }
    }

    private static void Enum(JsonElement element, string name, HashSet<string> allowed, string path, List<string> errors)
    {
        if (element.TryGetProperty(name, out var value) && (value.ValueKind != JsonValueKind.String || !allowed.Contains(value.GetString()!)))
        {
            errors.Add($"{path}.{name}: '{value}' is not one of {string.Join(", ", allowed)}");
        }
    }

    private static void Bool(JsonElement element, string name, string path, List<string> errors)
    {
        if (element.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            errors.Add($"{path}.{name}: a boolean");
        }
    }

    private static bool IsObject(JsonElement element, string path, List<string> errors)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        errors.Add($"{path}: an object, not {element.ValueKind}");
        return false;
    }

    private static bool IsArray(JsonElement element, string path, List<string> errors, bool allowEmpty)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            errors.Add($"{path}: an array, not {element.ValueKind}");
            return false;
        }

        if (!allowEmpty && element.GetArrayLength() == 0)
        {
            errors.Add($"{path}: empty");
        }

        return true;
    }

    /// <summary>Property names are case-sensitive.</summary>
    private static HashSet<string> Names(params string[] values) => new(values, StringComparer.Ordinal);

    /// <summary>Adaptive Cards compares enum values case-insensitively.</summary>
    private static HashSet<string> Set(params string[] values) => new(values, StringComparer.OrdinalIgnoreCase);
}
