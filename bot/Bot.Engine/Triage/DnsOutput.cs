namespace Bot.Engine.Triage;

/// <summary>What a pasted dig/kdig/drill/host/nslookup output says, as far as it says it.</summary>
internal sealed record DnsOutput
{
    public required string Tool { get; init; }

    /// <summary>The RCODE name as printed (NOERROR, SERVFAIL ...), or null when the output shows none.</summary>
    public string? Status { get; init; }

    public IReadOnlyList<string> Flags { get; init; } = [];
    public bool FlagsSeen { get; init; }
    public int? Answers { get; init; }
    public IReadOnlyList<(int Code, string Text)> Ede { get; init; } = [];
    public string? Server { get; init; }
    public string? Name { get; init; }
    public string? Type { get; init; }
    public bool TimedOut { get; init; }
}
