using Bot.Knowledge.Schema;

namespace Bot.Engine.Knowledge;

/// <summary>Where the knowledge comes from: the bundle compiled into the engine at build, or a folder of sources.</summary>
public static class KnowledgeSource
{
    public const string BundleResource = "knowledge.bundle.json";

    /// <summary>The bundle the build compiled from knowledge/ (JSON, read without reflection).</summary>
    public static KnowledgeBundle Embedded()
    {
        using var stream = typeof(KnowledgeSource).Assembly.GetManifestResourceStream(BundleResource)
            ?? throw new KnowledgeException($"The engine was built without its knowledge bundle ({BundleResource}).");
        return BundleJson.Read(stream);
    }

    /// <summary>The YAML/Markdown/CSV sources of a knowledge folder, parsed now (the lint test, tools).</summary>
    public static KnowledgeBundle FromDirectory(string root) => YamlKnowledge.ParseDirectory(root);
}
