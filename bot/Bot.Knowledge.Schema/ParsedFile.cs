namespace Bot.Knowledge.Schema;

/// <summary>
/// One knowledge file after parsing: exactly one payload is set, the one its kind calls for. This is also the
/// element of the compiled bundle, so the engine reads the same shapes from YAML and from the bundle.
/// </summary>
public sealed class ParsedFile
{
    public string Path { get; set; } = "";
    public EntryDto? Entry { get; set; }
    public FamilyFileDto? Family { get; set; }
    public GlossaryFileDto? Glossary { get; set; }
    public ComparisonFileDto? Comparisons { get; set; }
    public GuideIndexDto? GuideIndex { get; set; }
    public ScenarioDto? Scenario { get; set; }
    public TriageFileDto? Triage { get; set; }
    public CauseFileDto? Causes { get; set; }
#pragma warning disable CA2227 // filled by deserialisers
    public Dictionary<string, Dictionary<string, string>>? Ui { get; set; }
#pragma warning restore CA2227

    /// <summary>Markdown and CSV files: their text.</summary>
    public string? Text { get; set; }

    /// <summary>A file that could not be parsed: where and why (line and column for YAML).</summary>
    public string? Error { get; set; }

    public string? ErrorAt { get; set; }
}

/// <summary>The whole knowledge base, parsed at build time and embedded into the engine.</summary>
public sealed class KnowledgeBundle
{
#pragma warning disable CA2227, CA1002
    public List<ParsedFile> Files { get; set; } = [];
#pragma warning restore CA2227, CA1002
}
