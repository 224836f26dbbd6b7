namespace Bot.Engine.Contracts;

/// <summary>
/// The platform-neutral answer. Text fields hold inline Markdown limited to backtick code spans; renderers turn
/// them into each platform's format and enforce its limits.
/// </summary>
public sealed record Answer
{
    public required string Intent { get; init; }
    public required Locale Locale { get; init; }
    public required string Title { get; init; }
    public string Summary { get; init; } = "";
    public Severity Severity { get; init; } = Severity.Info;
    public IReadOnlyList<AnswerSection> Sections { get; init; } = [];
    public IReadOnlyList<Fact> Facts { get; init; } = [];
    public IReadOnlyList<AnswerLink> Links { get; init; } = [];
    public IReadOnlyList<AnswerAction> Actions { get; init; } = [];

    /// <summary>Stable ids of every code the answer is about (dns:rcode:2, http:status:503 ...).</summary>
    public IReadOnlyList<string> Codes { get; init; } = [];

    /// <summary>For a live check: the cause and its evidence.</summary>
    public DiagnosisSummary? Diagnosis { get; init; }

    /// <summary>A live check the engine could run for this question (set by /dig and "why does x fail?").</summary>
    internal Diagnosis.DigRequest? PendingCheck { get; init; }

    /// <summary>True when <c>AnswerAsync</c> would run a live check for this question (adapters defer then).</summary>
    public bool WantsLiveCheck => PendingCheck is not null;

    /// <summary>For pasted output or logs: which recogniser understood it (dig, kdig, nslookup, unbound-servfail ...).</summary>
    public string? Recognizer { get; init; }

    /// <summary>Notes about the input itself (it was cut, control characters were removed).</summary>
    public IReadOnlyList<string> Notices { get; init; } = [];
}

/// <summary>How a section's lines are meant to be shown.</summary>
public enum SectionKind
{
    Paragraph,
    Bullets,
    Steps,
    Code,
}

/// <param name="Key">A stable key (meaning, when, fix, wire, equivalents ...), so renderers and tests can find it.</param>
public sealed record AnswerSection(string Key, string Heading, SectionKind Kind, IReadOnlyList<string> Lines);

/// <summary>A short label/value pair (Name: SERVFAIL, RFC: RFC 1035).</summary>
public sealed record Fact(string Label, string Value);

public enum LinkKind
{
    Guide,
    Rfc,
    Registry,
    Scenario,
}

public sealed record AnswerLink(string Title, string Url, LinkKind Kind);

/// <summary>A suggested follow-up: a label for a button and the command it runs.</summary>
public sealed record AnswerAction(string Label, string Command);
