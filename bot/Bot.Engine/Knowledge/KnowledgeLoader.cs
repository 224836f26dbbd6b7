using Bot.Engine.Knowledge.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Bot.Engine.Knowledge;

/// <summary>
/// Loads and validates the knowledge base. Every problem is collected with its file and field; if there is any,
/// loading fails with all of them, so one run of the lint test shows everything to fix.
/// </summary>
public sealed partial class KnowledgeLoader
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    private readonly List<KnowledgeProblem> _problems = [];
    private readonly List<CodeEntry> _codes = [];
    private readonly List<CodeRange> _ranges = [];
    private readonly List<GlossaryTerm> _glossary = [];
    private readonly List<(GuideDto Dto, string File)> _guideIndex = [];
    private readonly Dictionary<string, string> _markdown = new(StringComparer.Ordinal);
    private readonly List<Scenario> _scenarios = [];
    private readonly List<Comparison> _comparisons = [];
    private readonly List<TriagePattern> _triage = [];
    private readonly Dictionary<string, Localized<string>> _ui = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string[]>> _registries = new(StringComparer.Ordinal);

    // Where each id was defined, so that reference errors can name the file that holds the bad reference.
    private readonly Dictionary<string, string> _definedIn = new(StringComparer.Ordinal);
    private readonly List<(string File, string Field, string Id)> _references = [];

    public static KnowledgeBase LoadEmbedded() => Load(KnowledgeSource.Embedded());

    public static KnowledgeBase Load(IEnumerable<KnowledgeFile> files)
    {
        var loader = new KnowledgeLoader();
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            loader.Read(file);
        }

        return loader.Finish();
    }

    private void Read(KnowledgeFile file)
    {
        var p = file.Path;
        try
        {
            switch (p)
            {
                case "dns/rcodes/ranges.yaml":
                case "dns/ede/ranges.yaml":
                    ReadFamilyFile(file, p.StartsWith("dns/rcodes", StringComparison.Ordinal) ? Families.DnsRcode : Families.DnsEde);
                    break;
                case var _ when p.StartsWith("dns/rcodes/", StringComparison.Ordinal) && p.EndsWith(".yaml", StringComparison.Ordinal):
                    AddCode(Parse<EntryDto>(file), Families.DnsRcode, p, "");
                    break;
                case var _ when p.StartsWith("dns/ede/", StringComparison.Ordinal) && p.EndsWith(".yaml", StringComparison.Ordinal):
                    AddCode(Parse<EntryDto>(file), Families.DnsEde, p, "");
                    break;
                case "dns/opcodes.yaml":
                    ReadFamilyFile(file, Families.DnsOpcode);
                    break;
                case "dns/flags.yaml":
                    ReadFamilyFile(file, Families.DnsFlag);
                    break;
                case "dns/pseudo.yaml":
                    ReadFamilyFile(file, Families.DnsPseudo);
                    break;
                case "http/status.yaml":
                    ReadFamilyFile(file, Families.HttpStatus);
                    break;
                case "grpc/status.yaml":
                    ReadFamilyFile(file, Families.GrpcStatus);
                    break;
                case "smtp/reply.yaml":
                    ReadFamilyFile(file, Families.SmtpReply);
                    break;
                case "smtp/enhanced.yaml":
                    ReadFamilyFile(file, Families.SmtpEnhanced);
                    break;
                case "sip/response.yaml":
                    ReadFamilyFile(file, Families.SipResponse);
                    break;
                case var _ when p.StartsWith("glossary/", StringComparison.Ordinal) && p.EndsWith(".yaml", StringComparison.Ordinal):
                    ReadGlossary(file);
                    break;
                case "comparisons.yaml":
                    ReadComparisons(file);
                    break;
                case "guides/index.yaml":
                    foreach (var g in Parse<GuideIndexDto>(file).Entries ?? [])
                    {
                        _guideIndex.Add((g, p));
                    }

                    break;
                case var _ when p.StartsWith("guides/", StringComparison.Ordinal) && p.EndsWith(".md", StringComparison.Ordinal):
                    _markdown[p] = file.Content;
                    break;
                case var _ when p.StartsWith("scenarios/", StringComparison.Ordinal) && p.EndsWith(".yaml", StringComparison.Ordinal):
                    AddScenario(Parse<ScenarioDto>(file), p);
                    break;
                case var _ when p.StartsWith("triage/", StringComparison.Ordinal) && p.EndsWith(".yaml", StringComparison.Ordinal):
                    ReadTriage(file);
                    break;
                case var _ when p.StartsWith("ui/", StringComparison.Ordinal) && p.EndsWith(".yaml", StringComparison.Ordinal):
                    ReadUi(file);
                    break;
                case var _ when p.StartsWith("registries/", StringComparison.Ordinal) && p.EndsWith(".csv", StringComparison.Ordinal):
                    _registries[p["registries/".Length..]] = Csv.Parse(file.Content);
                    break;
                default:
                    Problem(p, "(file)", "not a known kind of knowledge file (see knowledge/README.md)");
                    break;
            }
        }
        catch (YamlException e)
        {
            Problem(p, $"line {e.Start.Line}, column {e.Start.Column}", (e.InnerException?.Message ?? e.Message).ReplaceLineEndings(" "));
        }
    }

    private T Parse<T>(KnowledgeFile file)
        where T : class, new() => Yaml.Deserialize<T>(file.Content) ?? new T();

    private void ReadFamilyFile(KnowledgeFile file, string family)
    {
        var dto = Parse<FamilyFileDto>(file);
        if (dto.Family != family)
        {
            Problem(file.Path, "family", $"must be '{family}' (is '{dto.Family}')");
        }

        var i = 0;
        foreach (var entry in dto.Entries ?? [])
        {
            AddCode(entry, family, file.Path, $"entries[{i++}].");
        }

        i = 0;
        foreach (var range in dto.Ranges ?? [])
        {
            AddRange(range, family, file.Path, $"ranges[{i++}].");
        }
    }

    private void ReadGlossary(KnowledgeFile file)
    {
        var i = 0;
        foreach (var g in Parse<GlossaryFileDto>(file).Entries ?? [])
        {
            AddGlossary(g, file.Path, $"entries[{i++}].");
        }
    }

    private void ReadComparisons(KnowledgeFile file)
    {
        var i = 0;
        foreach (var c in Parse<ComparisonFileDto>(file).Entries ?? [])
        {
            AddComparison(c, file.Path, $"entries[{i++}].");
        }
    }

    private void ReadTriage(KnowledgeFile file)
    {
        var i = 0;
        foreach (var t in Parse<TriageFileDto>(file).Entries ?? [])
        {
            AddTriage(t, file.Path, $"entries[{i++}].");
        }
    }

    private void ReadUi(KnowledgeFile file)
    {
        var map = Yaml.Deserialize<Dictionary<string, Dictionary<string, string>>>(file.Content) ?? [];
        foreach (var (key, texts) in map)
        {
            var text = LocalizedString(texts, file.Path, key);
            if (text is not null && !_ui.TryAdd(key, text))
            {
                Problem(file.Path, key, "defined twice");
            }
        }
    }

    private void Problem(string file, string field, string message) => _problems.Add(new KnowledgeProblem(file, field, message));
}
