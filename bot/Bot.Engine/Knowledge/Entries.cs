using Bot.Engine.Contracts;

namespace Bot.Engine.Knowledge;

/// <summary>A code of any family (DNS RCODE, EDE, opcode, flag, HTTP, gRPC, SMTP, SIP).</summary>
public sealed record CodeEntry
{
    public required string Id { get; init; }
    public required string Family { get; init; }

    /// <summary>The value as written in the registry ("2", "503", "5.1.1", "X.1.YYY", "qr").</summary>
    public required string Value { get; init; }

    public required IReadOnlyList<string> Names { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public Severity Severity { get; init; }
    public string? Wire { get; init; }
    public IReadOnlyList<Reference> Refs { get; init; } = [];
    public IReadOnlyList<string> Related { get; init; } = [];
    public IReadOnlyList<Equivalent> Equivalents { get; init; } = [];
    public IReadOnlyList<string> Guides { get; init; } = [];
    public IReadOnlyList<string> Scenarios { get; init; } = [];
    public IReadOnlyList<Meaning> Meanings { get; init; } = [];
    public IReadOnlyList<string> Rcodes { get; init; } = [];
    public bool Provisional { get; init; }
    public required Localized<EntryText> Text { get; init; }

    /// <summary>True for the richly described families (DNS RCODE and EDE).</summary>
    public bool IsRich => Text.En.Meaning.Length > 0;

    public string Name => Names[0];
}

/// <summary>A cross-protocol equivalent and why it is one.</summary>
public sealed record Equivalent(string Id, Localized<string> Why);

/// <summary>One of two registrations of a doubly assigned value (RCODE 9 and 16).</summary>
public sealed record Meaning(string Key, string Name, string? Wire, IReadOnlyList<Reference> Refs, Localized<EntryText> Text);

public enum RangeKind
{
    Unassigned,
    Private,
    Reserved,
}

/// <summary>Values of a family with no entry of their own, answered honestly as such.</summary>
public sealed record CodeRange(string Family, int From, int To, RangeKind Kind, IReadOnlyList<Reference> Refs, Localized<EntryText> Text)
{
    public bool Contains(int value) => value >= From && value <= To;
}

public sealed record GlossaryTerm(string Id, Localized<IReadOnlyList<string>> Terms, IReadOnlyList<string> Related, Localized<EntryText> Text);

public sealed record Guide(string Id, IReadOnlyList<string> Related, Localized<EntryText> Text, Localized<string> Markdown)
{
    public string Slug => Id["guide:".Length..];
}

public sealed record Scenario(string Id, IReadOnlyList<string> Codes, IReadOnlyList<string> Guides, Localized<IReadOnlyList<string>> Keywords, Localized<EntryText> Text)
{
    public string Slug => Id["scenario:".Length..];
}

/// <summary>A curated note on a pair people confuse.</summary>
public sealed record Comparison(string A, string B, Localized<EntryText> Text);

/// <summary>An OS, library or browser error message and the DNS condition it implies.</summary>
/// <remarks>Patterns may capture <c>name</c>, <c>server</c>, <c>qtype</c> and <c>status</c> (an RCODE name that overrides <see cref="Implies"/>).</remarks>
public sealed record TriagePattern(string Id, string Source, IReadOnlyList<System.Text.RegularExpressions.Regex> Patterns, string Implies, Severity Severity, Localized<EntryText> Text);

/// <summary>What a live check concluded: the text shown next to its evidence (knowledge/diagnosis/causes.yaml).</summary>
public sealed record Cause(string Id, Severity Severity, IReadOnlyList<string> Codes, string? Scenario, IReadOnlyList<string> Guides, Localized<EntryText> Text);
