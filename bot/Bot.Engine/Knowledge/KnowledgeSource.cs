using System.Reflection;

namespace Bot.Engine.Knowledge;

/// <summary>One file of the knowledge base: its path relative to knowledge/ and its text.</summary>
public sealed record KnowledgeFile(string Path, string Content);

/// <summary>Where the knowledge files come from: the copy embedded at build, or a folder (for the lint test).</summary>
public static class KnowledgeSource
{
    private const string Prefix = "knowledge/";

    public static IReadOnlyList<KnowledgeFile> Embedded()
    {
        var assembly = typeof(KnowledgeSource).Assembly;
        var files = new List<KnowledgeFile>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            files.Add(new KnowledgeFile(name[Prefix.Length..].Replace('\\', '/'), reader.ReadToEnd()));
        }

        return files;
    }

    public static IReadOnlyList<KnowledgeFile> FromDirectory(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(p => p != "README.md" && (p.EndsWith(".yaml", StringComparison.Ordinal) || p.EndsWith(".md", StringComparison.Ordinal) || p.EndsWith(".csv", StringComparison.Ordinal)))
            .Select(p => new KnowledgeFile(p, File.ReadAllText(Path.Combine(root, p))))];

    internal static Assembly Assembly => typeof(KnowledgeSource).Assembly;
}
