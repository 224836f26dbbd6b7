namespace Bot.Engine.Tests;

/// <summary>Paths in the repository, found from the test's output folder.</summary>
internal static class Repo
{
    public static string Root { get; } = Find();

    public static string Knowledge => Path.Combine(Root, "knowledge");

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Bot.sln not found above " + AppContext.BaseDirectory);
    }
}
