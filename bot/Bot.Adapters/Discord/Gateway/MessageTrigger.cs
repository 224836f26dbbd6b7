namespace Bot.Adapters.Discord.Gateway;

/// <summary>Why a message may get an answer (or why it does not).</summary>
internal enum MessageTrigger
{
    None,

    /// <summary>The message mentions the bot: the rest of it is a question.</summary>
    Mention,

    /// <summary>A direct message to the bot.</summary>
    Direct,

    /// <summary>In a triage channel: answered only when the paste recognisers are confident.</summary>
    TriageChannel,
}
