namespace Bot.Engine.Knowledge;

/// <summary>One problem found while loading the knowledge base, with the file and field it is in.</summary>
public sealed record KnowledgeProblem(string File, string Field, string Message)
{
    public override string ToString() => $"{File}: {Field}: {Message}";
}

/// <summary>Thrown when the knowledge base does not validate; the message names every file and field.</summary>
public sealed class KnowledgeException : Exception
{
    public KnowledgeException(IReadOnlyList<KnowledgeProblem> problems)
        : base(Describe(problems)) => Problems = problems;

    public KnowledgeException()
        : this([])
    {
    }

    public KnowledgeException(string message)
        : base(message) => Problems = [];

    public KnowledgeException(string message, Exception innerException)
        : base(message, innerException) => Problems = [];

    public IReadOnlyList<KnowledgeProblem> Problems { get; }

    private static string Describe(IReadOnlyList<KnowledgeProblem> problems)
    {
        const int Shown = 40;
        var lines = problems.Take(Shown).Select(p => "  " + p);
        var more = problems.Count > Shown ? $"\n  ... and {problems.Count - Shown} more" : "";
        return $"The knowledge base is invalid ({problems.Count} problem(s)):\n{string.Join('\n', lines)}{more}";
    }
}
