namespace Bot.Engine.Contracts;

/// <summary>The machine-readable part of a live check's answer: the cause id and the queries that showed it.</summary>
public sealed record DiagnosisSummary(
    string Cause,
    IReadOnlyList<EvidenceItem> Evidence,
    IReadOnlyList<string> RuledOut,
    string? Zone,
    int Queries,
    int ElapsedMs);

public sealed record EvidenceItem(string Server, string Question, string Result);
