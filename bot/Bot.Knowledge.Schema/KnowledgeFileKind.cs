namespace Bot.Knowledge.Schema;

/// <summary>What a file of the knowledge base holds, decided by its path (knowledge/README.md).</summary>
public enum KnowledgeFileKind
{
    Unknown,
    CodeEntry,
    FamilyFile,
    Glossary,
    Comparisons,
    GuideIndex,
    Markdown,
    Scenario,
    Triage,
    Causes,
    Ui,
    Registry,
}

public static class KnowledgeFiles
{
    /// <summary>The kind of a file, and for code files the family it belongs to.</summary>
    public static (KnowledgeFileKind Kind, string? Family) Classify(string path)
    {
        bool Under(string folder, string ext) => path.StartsWith(folder, StringComparison.Ordinal) && path.EndsWith(ext, StringComparison.Ordinal);

        return path switch
        {
            "dns/rcodes/ranges.yaml" => (KnowledgeFileKind.FamilyFile, "dns:rcode"),
            "dns/ede/ranges.yaml" => (KnowledgeFileKind.FamilyFile, "dns:ede"),
            _ when Under("dns/rcodes/", ".yaml") => (KnowledgeFileKind.CodeEntry, "dns:rcode"),
            _ when Under("dns/ede/", ".yaml") => (KnowledgeFileKind.CodeEntry, "dns:ede"),
            "dns/opcodes.yaml" => (KnowledgeFileKind.FamilyFile, "dns:opcode"),
            "dns/flags.yaml" => (KnowledgeFileKind.FamilyFile, "dns:flag"),
            "dns/pseudo.yaml" => (KnowledgeFileKind.FamilyFile, "dns:pseudo"),
            "http/status.yaml" => (KnowledgeFileKind.FamilyFile, "http:status"),
            "grpc/status.yaml" => (KnowledgeFileKind.FamilyFile, "grpc:status"),
            "smtp/reply.yaml" => (KnowledgeFileKind.FamilyFile, "smtp:reply"),
            "smtp/enhanced.yaml" => (KnowledgeFileKind.FamilyFile, "smtp:enhanced"),
            "sip/response.yaml" => (KnowledgeFileKind.FamilyFile, "sip:response"),
            "comparisons.yaml" => (KnowledgeFileKind.Comparisons, null),
            "guides/index.yaml" => (KnowledgeFileKind.GuideIndex, null),
            "diagnosis/causes.yaml" => (KnowledgeFileKind.Causes, null),
            _ when Under("glossary/", ".yaml") => (KnowledgeFileKind.Glossary, null),
            _ when Under("guides/", ".md") => (KnowledgeFileKind.Markdown, null),
            _ when Under("scenarios/", ".yaml") => (KnowledgeFileKind.Scenario, null),
            _ when Under("triage/", ".yaml") => (KnowledgeFileKind.Triage, null),
            _ when Under("ui/", ".yaml") => (KnowledgeFileKind.Ui, null),
            _ when Under("registries/", ".csv") => (KnowledgeFileKind.Registry, null),
            _ => (KnowledgeFileKind.Unknown, null),
        };
    }

    /// <summary>Files that belong to the knowledge base (data), as opposed to notes beside it (README, samples).</summary>
    public static bool IsData(string path) =>
        path != "README.md" && (path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".md", StringComparison.Ordinal) || path.EndsWith(".csv", StringComparison.Ordinal));
}
