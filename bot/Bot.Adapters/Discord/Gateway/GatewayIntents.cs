namespace Bot.Adapters.Discord.Gateway;

/// <summary>The gateway intents the bot asks for (https://discord.com/developers/docs/events/gateway#gateway-intents).</summary>
[Flags]
internal enum GatewayIntents
{
    None = 0,
    GuildMessages = 1 << 9,
    DirectMessages = 1 << 12,

    /// <summary>Privileged: must be switched on in the Developer Portal, else the gateway closes with 4014.</summary>
    MessageContent = 1 << 15,
}
