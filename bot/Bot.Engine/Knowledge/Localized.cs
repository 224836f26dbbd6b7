using Bot.Engine.Contracts;

namespace Bot.Engine.Knowledge;

/// <summary>One value in each of the three languages.</summary>
public sealed record Localized<T>(T En, T Ja, T De)
{
    public T this[Locale locale] => locale switch
    {
        Locale.Ja => Ja,
        Locale.De => De,
        _ => En,
    };

    public IEnumerable<T> All()
    {
        yield return En;
        yield return Ja;
        yield return De;
    }
}
