using System.Text.Json;
using System.Text.RegularExpressions;
using Bot.Adapters.Slack;

namespace Bot.Adapters.Tests.Slack;

/// <summary>
/// Everything Slack checks in a message, asserted on the serialized JSON (so it sees exactly what Slack would):
/// Block Kit limits from https://docs.slack.dev/reference/block-kit/blocks and the element/composition-object pages,
/// written out here as numbers rather than taken from the renderer.
/// </summary>
internal static partial class BlockKitLimits
{
    /// <summary>Slack rejects blocks past about 13,200 characters (msg_blocks_too_long); we want to stay well under.</summary>
    public const int AggregateMax = 12_000;

    private static readonly HashSet<string> TextTypes = ["mrkdwn", "plain_text"];

    [GeneratedRegex("```")]
    private static partial Regex Fence();

    public static JsonElement Json(SlackMessage message) =>
        JsonDocument.Parse(JsonSerializer.Serialize(message, SlackJsonContext.Default.SlackMessage)).RootElement.Clone();

    public static void Assert(SlackMessage message)
    {
        var root = Json(message);
        var text = root.GetProperty("text").GetString()!;
        text.Trim().Length.ShouldBeGreaterThan(0, "fallback text is required with blocks");
        text.Length.ShouldBeLessThanOrEqualTo(40_000);
        NoLoneSurrogate(text);

        var blocks = root.GetProperty("blocks");
        blocks.GetArrayLength().ShouldBeInRange(1, 50);
        var actionIds = new HashSet<string>(StringComparer.Ordinal);
        var blockIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var block in blocks.EnumerateArray())
        {
            if (block.TryGetProperty("block_id", out var blockId))
            {
                blockId.GetString()!.Length.ShouldBeInRange(1, 255);
                blockIds.Add(blockId.GetString()!).ShouldBeTrue("block_id must be unique");
            }

            switch (block.GetProperty("type").GetString())
            {
                case "header":
                    PlainText(block.GetProperty("text"), 150);
                    break;
                case "section":
                    Section(block);
                    break;
                case "context":
                    var elements = block.GetProperty("elements");
                    elements.GetArrayLength().ShouldBeInRange(1, 10);
                    foreach (var element in elements.EnumerateArray())
                    {
                        TextObject(element, 3000);
                    }

                    break;
                case "divider":
                    block.EnumerateObject().Select(p => p.Name).ShouldBe(["type"]);
                    break;
                case "actions":
                    Actions(block, actionIds);
                    break;
                case var other:
                    throw new ShouldAssertException($"unexpected block type {other}");
            }
        }

        Strings(blocks).Sum(s => s.Length).ShouldBeLessThanOrEqualTo(AggregateMax, "aggregate block size");
        foreach (var s in Strings(root))
        {
            NoLoneSurrogate(s);
        }
    }

    /// <summary>Every mrkdwn text in the message (sections, fields, context elements).</summary>
    public static IEnumerable<string> MrkdwnTexts(SlackMessage message) => TextObjects(Json(message), "mrkdwn");

    /// <summary>Every plain_text text in the message (header, buttons, placeholders, options).</summary>
    public static IEnumerable<string> PlainTexts(SlackMessage message) => TextObjects(Json(message), "plain_text");

    /// <summary>Every string anywhere under <paramref name="element"/>.</summary>
    public static IEnumerable<string> Strings(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                yield return element.GetString()!;
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var s in Strings(item))
                    {
                        yield return s;
                    }
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    foreach (var s in Strings(property.Value))
                    {
                        yield return s;
                    }
                }

                break;
        }
    }

    private static IEnumerable<string> TextObjects(JsonElement element, string type)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("type", out var t) && t.GetString() == type && element.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
            {
                yield return text.GetString()!;
            }

            foreach (var property in element.EnumerateObject())
            {
                foreach (var s in TextObjects(property.Value, type))
                {
                    yield return s;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var s in element.EnumerateArray().SelectMany(item => TextObjects(item, type)))
            {
                yield return s;
            }
        }
    }

    private static void Section(JsonElement block)
    {
        var hasText = block.TryGetProperty("text", out var text);
        var hasFields = block.TryGetProperty("fields", out var fields);
        (hasText || hasFields).ShouldBeTrue("a section needs text or fields");
        if (hasText)
        {
            TextObject(text, 3000);
        }

        if (hasFields)
        {
            fields.GetArrayLength().ShouldBeInRange(1, 10);
            foreach (var field in fields.EnumerateArray())
            {
                TextObject(field, 2000);
            }
        }
    }

    private static void Actions(JsonElement block, HashSet<string> actionIds)
    {
        var elements = block.GetProperty("elements");
        elements.GetArrayLength().ShouldBeInRange(1, 25);
        foreach (var element in elements.EnumerateArray())
        {
            var actionId = element.GetProperty("action_id").GetString()!;
            actionId.Length.ShouldBeInRange(1, 255);
            actionIds.Add(actionId).ShouldBeTrue($"action_id {actionId} must be unique in the message");
            switch (element.GetProperty("type").GetString())
            {
                case "button":
                    PlainText(element.GetProperty("text"), 75);
                    if (element.TryGetProperty("url", out var url))
                    {
                        url.GetString()!.Length.ShouldBeInRange(1, 3000);
                    }

                    if (element.TryGetProperty("style", out var style))
                    {
                        new[] { "primary", "danger" }.ShouldContain(style.GetString());
                    }

                    var value = element.GetProperty("value").GetString()!;
                    value.Length.ShouldBeInRange(1, 2000);
                    SlackActionValue.TryDecode(value, out _).ShouldBeTrue(value);
                    break;
                case "static_select":
                    PlainText(element.GetProperty("placeholder"), 150);
                    var options = element.GetProperty("options");
                    options.GetArrayLength().ShouldBeInRange(1, 100);
                    var values = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var option in options.EnumerateArray())
                    {
                        PlainText(option.GetProperty("text"), 75);
                        var optionValue = option.GetProperty("value").GetString()!;
                        optionValue.Length.ShouldBeInRange(1, 150);
                        values.Add(optionValue).ShouldBeTrue("option values must be unique");
                        SlackActionValue.TryDecode(optionValue, out _).ShouldBeTrue(optionValue);
                    }

                    break;
                case var other:
                    throw new ShouldAssertException($"unexpected element type {other}");
            }
        }
    }

    private static void PlainText(JsonElement text, int max)
    {
        text.GetProperty("type").GetString().ShouldBe("plain_text");
        TextObject(text, max);
    }

    private static void TextObject(JsonElement text, int max)
    {
        TextTypes.ShouldContain(text.GetProperty("type").GetString());
        var value = text.GetProperty("text").GetString()!;
        value.Trim().Length.ShouldBeGreaterThan(0, "empty text is rejected");
        value.Length.ShouldBeLessThanOrEqualTo(max, value[..Math.Min(value.Length, 80)]);
        if (text.GetProperty("type").GetString() == "mrkdwn")
        {
            text.GetProperty("verbatim").GetBoolean().ShouldBeTrue("mrkdwn is sent verbatim: no auto-linking");
            (Fence().Matches(value).Count % 2).ShouldBe(0, "an open code block: " + value[Math.Max(0, value.Length - 80)..]);
        }
    }

    private static void NoLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                throw new ShouldAssertException("a lone surrogate at " + i);
            }
        }
    }
}
