namespace Bot.Adapters.Discord.Gateway;

/// <summary>What a gateway close code means for the next connection.</summary>
internal static class GatewayCloseCodes
{
    /// <summary>Codes after which reconnecting cannot help: the configuration must change first.</summary>
    public static string? Fatal(int code) => code switch
    {
        4004 => "4004: authentication failed — Discord:BotToken is wrong or was reset; copy the token again from the Developer Portal (Bot)",
        4010 => "4010: invalid shard sent in IDENTIFY",
        4011 => "4011: sharding required — the bot is in too many guilds for one connection",
        4012 => "4012: invalid API version — Discord:GatewayUrl must lead to gateway v10",
        4013 => "4013: invalid intents — the intents value sent in IDENTIFY is not valid",
        4014 => "4014: disallowed intent — enable MESSAGE CONTENT in the Developer Portal or set Discord:MessageContentIntent=false",
        _ => null,
    };

    /// <summary>4007 invalid seq and 4009 session timed out: reconnect, but the session cannot be resumed.</summary>
    public static bool EndsSession(int code) => code is 4007 or 4009;
}
