namespace Bot.Engine.Knowledge;

/// <summary>The validated, indexed knowledge base. Immutable after load and shared by every request.</summary>
public sealed class KnowledgeBase
{
    private readonly Dictionary<(string Family, string Value), CodeEntry> _byValue;
    private readonly Dictionary<(string, string), Comparison> _comparisons;
    private readonly Dictionary<string, IReadOnlyList<CodeEntry>> _byFamily;

    internal KnowledgeBase(
        IReadOnlyList<CodeEntry> codes,
        IReadOnlyList<CodeRange> ranges,
        IReadOnlyList<GlossaryTerm> glossary,
        IReadOnlyList<Guide> guides,
        IReadOnlyList<Scenario> scenarios,
        IReadOnlyList<Comparison> comparisons,
        IReadOnlyList<TriagePattern> triage,
        IReadOnlyList<Cause> causes,
        UiStrings ui)
    {
        Codes = codes.ToDictionary(c => c.Id, StringComparer.Ordinal);
        Ranges = ranges;
        Glossary = glossary.ToDictionary(g => g.Id, StringComparer.Ordinal);
        Guides = guides.ToDictionary(g => g.Id, StringComparer.Ordinal);
        Scenarios = scenarios.ToDictionary(s => s.Id, StringComparer.Ordinal);
        Comparisons = comparisons;
        Triage = triage;
        Causes = causes.ToDictionary(c => c.Id, StringComparer.Ordinal);
        Ui = ui;
        _byValue = codes.ToDictionary(c => (c.Family, c.Value.ToUpperInvariant()));
        _byFamily = codes.GroupBy(c => c.Family).ToDictionary(g => g.Key, g => (IReadOnlyList<CodeEntry>)[.. g]);
        _comparisons = [];
        foreach (var c in comparisons)
        {
            _comparisons[(c.A, c.B)] = c;
            _comparisons.TryAdd((c.B, c.A), c);
        }
    }

    public IReadOnlyDictionary<string, CodeEntry> Codes { get; }
    public IReadOnlyList<CodeRange> Ranges { get; }
    public IReadOnlyDictionary<string, GlossaryTerm> Glossary { get; }
    public IReadOnlyDictionary<string, Guide> Guides { get; }
    public IReadOnlyDictionary<string, Scenario> Scenarios { get; }
    public IReadOnlyList<Comparison> Comparisons { get; }
    public IReadOnlyList<TriagePattern> Triage { get; }
    public IReadOnlyDictionary<string, Cause> Causes { get; }
    public UiStrings Ui { get; }

    public CodeEntry? Find(string family, string value) =>
        _byValue.GetValueOrDefault((family, value.ToUpperInvariant()));

    public CodeRange? FindRange(string family, int value) =>
        Ranges.FirstOrDefault(r => r.Family == family && r.Contains(value));

    public IReadOnlyList<CodeEntry> InFamily(string family) => _byFamily.GetValueOrDefault(family) ?? [];

    /// <summary>The curated note for a pair, in either order ("dns:rcode:9#zone" style ids included).</summary>
    public Comparison? FindComparison(string a, string b) => _comparisons.GetValueOrDefault((a, b));

    /// <summary>True when <paramref name="id"/> names anything in the base (code, meaning, term, guide, scenario).</summary>
    public bool Exists(string id)
    {
        var hash = id.IndexOf('#', StringComparison.Ordinal);
        if (hash > 0)
        {
            return Codes.TryGetValue(id[..hash], out var entry) && entry.Meanings.Any(m => m.Key == id[(hash + 1)..]);
        }

        return Codes.ContainsKey(id) || Glossary.ContainsKey(id) || Guides.ContainsKey(id) || Scenarios.ContainsKey(id);
    }
}
