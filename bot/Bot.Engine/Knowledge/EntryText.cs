namespace Bot.Engine.Knowledge;

/// <summary>The text of an entry in one language. Which fields are required depends on the kind of entry.</summary>
public sealed record EntryText
{
    public string Title { get; init; } = "";
    public string Summary { get; init; } = "";
    public string Meaning { get; init; } = "";
    public IReadOnlyList<string> When { get; init; } = [];
    public IReadOnlyList<string> Fix { get; init; } = [];
    public string Wire { get; init; } = "";
    public string Body { get; init; } = "";
    public IReadOnlyList<string> Symptoms { get; init; } = [];
    public IReadOnlyList<string> Confirm { get; init; } = [];
    public string Cause { get; init; } = "";
    public IReadOnlyList<string> Points { get; init; } = [];
    public string Tell { get; init; } = "";
    public string Explanation { get; init; } = "";
    public string Next { get; init; } = "";
}
