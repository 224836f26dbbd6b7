namespace Bot.Engine.Contracts;

/// <summary>How bad the thing an answer is about is; renderers map it to a colour or an icon.</summary>
public enum Severity
{
    Ok,
    Info,
    Warning,
    Error,
}
