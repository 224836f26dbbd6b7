using Bot.Knowledge.Schema;

namespace Bot.Engine.Knowledge;

/// <summary>
/// Loads and validates the knowledge base. Every problem is collected with its file and field; if there is any,
/// loading fails with all of them, so one run of the lint test shows everything to fix.
/// </summary>
public sealed partial class KnowledgeLoader
{
    private readonly List<KnowledgeProblem> _problems = [];
    private readonly List<CodeEntry> _codes = [];
    private readonly List<CodeRange> _ranges = [];
    private readonly List<GlossaryTerm> _glossary = [];
    private readonly List<(GuideDto Dto, string File)> _guideIndex = [];
    private readonly Dictionary<string, string> _markdown = new(StringComparer.Ordinal);
    private readonly List<Scenario> _scenarios = [];
    private readonly List<Comparison> _comparisons = [];
    private readonly List<TriagePattern> _triage = [];
    private readonly List<Cause> _causes = [];
    private readonly Dictionary<string, Localized<string>> _ui = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string[]>> _registries = new(StringComparer.Ordinal);

    // Where each id was defined, so that reference errors can name the file that holds the bad reference.
    private readonly Dictionary<string, string> _definedIn = new(StringComparer.Ordinal);
    private readonly List<(string File, string Field, string Id)> _references = [];

    public static KnowledgeBase LoadEmbedded() => Load(KnowledgeSource.Embedded());

    public static KnowledgeBase Load(KnowledgeBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var loader = new KnowledgeLoader();
        foreach (var file in bundle.Files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            loader.Read(file);
        }

        return loader.Finish();
    }

    private void Read(ParsedFile file)
    {
        var p = file.Path;
        if (file.Error is not null)
        {
            Problem(p, file.ErrorAt ?? "(file)", file.Error);
            return;
        }

        var (kind, family) = KnowledgeFiles.Classify(p);
        switch (kind)
        {
            case KnowledgeFileKind.CodeEntry:
                AddCode(file.Entry ?? new EntryDto(), family!, p, "");
                break;
            case KnowledgeFileKind.FamilyFile:
                ReadFamilyFile(file.Family ?? new FamilyFileDto(), p, family!);
                break;
            case KnowledgeFileKind.Glossary:
                var i = 0;
                foreach (var g in file.Glossary?.Entries ?? [])
                {
                    AddGlossary(g, p, $"entries[{i++}].");
                }

                break;
            case KnowledgeFileKind.Comparisons:
                i = 0;
                foreach (var c in file.Comparisons?.Entries ?? [])
                {
                    AddComparison(c, p, $"entries[{i++}].");
                }

                break;
            case KnowledgeFileKind.GuideIndex:
                foreach (var g in file.GuideIndex?.Entries ?? [])
                {
                    _guideIndex.Add((g, p));
                }

                break;
            case KnowledgeFileKind.Markdown:
                _markdown[p] = file.Text ?? "";
                break;
            case KnowledgeFileKind.Scenario:
                AddScenario(file.Scenario ?? new ScenarioDto(), p);
                break;
            case KnowledgeFileKind.Triage:
                i = 0;
                foreach (var t in file.Triage?.Entries ?? [])
                {
                    AddTriage(t, p, $"entries[{i++}].");
                }

                break;
            case KnowledgeFileKind.Causes:
                i = 0;
                foreach (var c in file.Causes?.Entries ?? [])
                {
                    AddCause(c, p, $"entries[{i++}].");
                }

                break;
            case KnowledgeFileKind.Ui:
                ReadUi(file.Ui ?? [], p);
                break;
            case KnowledgeFileKind.Registry:
                _registries[p["registries/".Length..]] = Csv.Parse(file.Text ?? "");
                break;
            default:
                Problem(p, "(file)", "not a known kind of knowledge file (see knowledge/README.md)");
                break;
        }
    }

    private void ReadFamilyFile(FamilyFileDto dto, string path, string family)
    {
        if (dto.Family != family)
        {
            Problem(path, "family", $"must be '{family}' (is '{dto.Family}')");
        }

        var i = 0;
        foreach (var entry in dto.Entries ?? [])
        {
            AddCode(entry, family, path, $"entries[{i++}].");
        }

        i = 0;
        foreach (var range in dto.Ranges ?? [])
        {
            AddRange(range, family, path, $"ranges[{i++}].");
        }
    }

    private void ReadUi(Dictionary<string, Dictionary<string, string>> map, string path)
    {
        foreach (var (key, texts) in map)
        {
            var text = LocalizedString(texts, path, key);
            if (text is not null && !_ui.TryAdd(key, text))
            {
                Problem(path, key, "defined twice");
            }
        }
    }

    private void Problem(string file, string field, string message) => _problems.Add(new KnowledgeProblem(file, field, message));
}
