namespace Bot.Engine.Contracts;

/// <summary>One question from any platform, after the adapter has verified and mapped it.</summary>
/// <param name="Text">What the user wrote (a slash command or free text).</param>
/// <param name="Locale">The locale the platform reports, if any; otherwise the engine guesses from the text.</param>
/// <param name="Platform">The adapter's name (cli, web, discord, teams, slack), for logs and capabilities.</param>
/// <param name="UserId">Who asked, for per-user limits on live checks (platform-scoped).</param>
public sealed record ChatRequest(string Text, Locale? Locale = null, string Platform = "cli", string UserId = "local");
