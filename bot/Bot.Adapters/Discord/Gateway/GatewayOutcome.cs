namespace Bot.Adapters.Discord.Gateway;

/// <summary>How one gateway connection ended, and so what the next one does.</summary>
internal enum GatewayOutcome
{
    /// <summary>Reconnect and RESUME (to the resume URL) when there is a session, else IDENTIFY.</summary>
    Resume,

    /// <summary>Forget the session; reconnect and IDENTIFY after 1–5 s.</summary>
    Identify,

    /// <summary>A close code that reconnecting cannot fix (4004, 4010–4014): stop.</summary>
    Fatal,

    /// <summary>The host is stopping.</summary>
    Stopped,
}
