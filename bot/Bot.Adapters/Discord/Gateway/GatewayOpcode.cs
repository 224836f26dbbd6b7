namespace Bot.Adapters.Discord.Gateway;

/// <summary>Gateway opcodes (https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway).</summary>
internal enum GatewayOpcode
{
    Dispatch = 0,
    Heartbeat = 1,
    Identify = 2,
    Resume = 6,
    Reconnect = 7,
    InvalidSession = 9,
    Hello = 10,
    HeartbeatAck = 11,
}
