namespace Bot.Engine.Contracts;

/// <summary>
/// How sure the paste recognisers are that a message is pasted tool output or an error message they understand.
/// Adapters that answer without being asked (a triage channel) act only on <see cref="High"/>.
/// </summary>
public enum PasteConfidence
{
    /// <summary>Not a paste the recognisers know.</summary>
    None = 0,

    /// <summary>A one-line form people also quote in prose (host/nslookup "not found", a bare timeout line).</summary>
    Low = 1,

    /// <summary>dig/kdig/drill output with its header, or a resolver log line or error message of the triage patterns.</summary>
    High = 2,
}
