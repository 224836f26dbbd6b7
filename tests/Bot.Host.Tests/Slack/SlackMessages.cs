using System.Text.Json;

namespace Bot.Host.Tests.Slack;

/// <summary>What a Slack message shows, and the Block Kit limits it must keep, read from the JSON as Slack gets it.</summary>
internal static class SlackMessages
{
    /// <summary>Every text a user can see: fallback text, block texts, fields, buttons, options.</summary>
    public static string Shown(JsonElement message) => string.Join('\n', Strings(message));

    private static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().Where(p => p.Name is "text" or "blocks" or "fields" or "elements" or "placeholder" or "options").SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
        JsonValueKind.String => [e.GetString()!],
        _ => [],
    };

    public static void KeepsBlockKitLimits(JsonElement message)
    {
        message.GetProperty("text").GetString()!.Trim().ShouldNotBeEmpty("fallback text is required with blocks");
        var blocks = message.GetProperty("blocks");
        blocks.GetArrayLength().ShouldBeInRange(1, 50);
        foreach (var block in blocks.EnumerateArray())
        {
            switch (block.GetProperty("type").GetString())
            {
                case "header":
                    block.GetProperty("text").GetProperty("text").GetString()!.Length.ShouldBeLessThanOrEqualTo(150);
                    break;
                case "section":
                    if (block.TryGetProperty("text", out var text))
                    {
                        text.GetProperty("text").GetString()!.Length.ShouldBeLessThanOrEqualTo(3000);
                    }

                    if (block.TryGetProperty("fields", out var fields))
                    {
                        fields.GetArrayLength().ShouldBeLessThanOrEqualTo(10);
                        fields.EnumerateArray().ShouldAllBe(f => f.GetProperty("text").GetString()!.Length <= 2000);
                    }

                    break;
                case "actions":
                    var elements = block.GetProperty("elements");
                    elements.GetArrayLength().ShouldBeInRange(1, 25);
                    foreach (var element in elements.EnumerateArray().Where(x => x.GetProperty("type").GetString() == "button"))
                    {
                        element.GetProperty("text").GetProperty("text").GetString()!.Length.ShouldBeLessThanOrEqualTo(75);
                        element.GetProperty("value").GetString()!.Length.ShouldBeLessThanOrEqualTo(2000);
                    }

                    break;
                case "context":
                    block.GetProperty("elements").GetArrayLength().ShouldBeInRange(1, 10);
                    break;
            }
        }
    }

    /// <summary>The value of the button with this action_id.</summary>
    public static string ButtonValue(JsonElement message, string actionId) =>
        message.GetProperty("blocks").EnumerateArray()
            .Where(b => b.GetProperty("type").GetString() == "actions")
            .SelectMany(b => b.GetProperty("elements").EnumerateArray())
            .First(e => e.GetProperty("action_id").GetString() == actionId)
            .GetProperty("value").GetString()!;
}
