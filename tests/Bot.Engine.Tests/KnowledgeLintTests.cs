using Bot.Engine.Knowledge;

namespace Bot.Engine.Tests;

public sealed class KnowledgeLintTests
{
    [Fact]
    public void KnowledgeFolder_Validates_WithNoProblems()
    {
        var problems = new List<KnowledgeProblem>();
        try
        {
            KnowledgeLoader.Load(KnowledgeSource.FromDirectory(Repo.Knowledge));
        }
        catch (KnowledgeException e)
        {
            problems.AddRange(e.Problems);
        }

        problems.ShouldBeEmpty(string.Join('\n', problems.Select(p => p.ToString())));
    }
}
