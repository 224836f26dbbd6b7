namespace Bot.Engine;

/// <summary>Settings of the engine (bound by the host from the "Engine" section).</summary>
public sealed class EngineOptions
{
    public const string Section = "Engine";

    /// <summary>Base URL of links in answers (guide pages, "ask" links); the host's public address.</summary>
    public string LinksBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Longer input is cut to this many characters, with a note in the answer.</summary>
    public int MaxInputChars { get; set; } = 4000;
}
