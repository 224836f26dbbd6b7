namespace Bot.Engine.Rendering;

/// <summary>Splits answer text into plain runs and backtick code spans, the only markup answers carry.</summary>
public static class InlineText
{
    public static IEnumerable<(string Text, bool IsCode)> Runs(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var open = text.IndexOf('`', start);
            var close = open < 0 ? -1 : text.IndexOf('`', open + 1);
            if (open < 0 || close < 0)
            {
                yield return (text[start..], false);
                yield break;
            }

            if (open > start)
            {
                yield return (text[start..open], false);
            }

            yield return (text[(open + 1)..close], true);
            start = close + 1;
        }
    }
}
