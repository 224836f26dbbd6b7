using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Bot.Knowledge.Schema;

/// <summary>Reads the knowledge source files (YAML, Markdown, CSV) into <see cref="ParsedFile"/>s.</summary>
public static class YamlKnowledge
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static ParsedFile Parse(string path, string content)
    {
        var file = new ParsedFile { Path = path };
        try
        {
            switch (KnowledgeFiles.Classify(path).Kind)
            {
                case KnowledgeFileKind.CodeEntry: file.Entry = Read<EntryDto>(content); break;
                case KnowledgeFileKind.FamilyFile: file.Family = Read<FamilyFileDto>(content); break;
                case KnowledgeFileKind.Glossary: file.Glossary = Read<GlossaryFileDto>(content); break;
                case KnowledgeFileKind.Comparisons: file.Comparisons = Read<ComparisonFileDto>(content); break;
                case KnowledgeFileKind.GuideIndex: file.GuideIndex = Read<GuideIndexDto>(content); break;
                case KnowledgeFileKind.Scenario: file.Scenario = Read<ScenarioDto>(content); break;
                case KnowledgeFileKind.Triage: file.Triage = Read<TriageFileDto>(content); break;
                case KnowledgeFileKind.Causes: file.Causes = Read<CauseFileDto>(content); break;
                case KnowledgeFileKind.Ui: file.Ui = Yaml.Deserialize<Dictionary<string, Dictionary<string, string>>>(content) ?? []; break;
                default: file.Text = content; break;
            }
        }
        catch (YamlException e)
        {
            file.ErrorAt = $"line {e.Start.Line}, column {e.Start.Column}";
            file.Error = (e.InnerException?.Message ?? e.Message).ReplaceLineEndings(" ");
        }

        return file;
    }

    /// <summary>Every data file under a knowledge folder, parsed, in path order.</summary>
    public static KnowledgeBundle ParseDirectory(string root) => new()
    {
        Files = [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(KnowledgeFiles.IsData)
            .Order(StringComparer.Ordinal)
            .Select(p => Parse(p, File.ReadAllText(System.IO.Path.Combine(root, p))))],
    };

    private static T Read<T>(string content)
        where T : class, new() => Yaml.Deserialize<T>(content) ?? new T();
}
