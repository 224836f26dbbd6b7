using Microsoft.Extensions.Logging;

namespace Bot.Adapters.Discord.Gateway;

internal sealed partial class GatewayConnection
{
    [LoggerMessage(EventId = 430, Level = LogLevel.Information, Message = "Discord gateway: IDENTIFY sent (intents {Intents})")]
    private static partial void SentIdentify(ILogger log, int intents);

    [LoggerMessage(EventId = 431, Level = LogLevel.Information, Message = "Discord gateway: RESUME sent (seq {Sequence})")]
    private static partial void SentResume(ILogger log, int? sequence);

    [LoggerMessage(EventId = 432, Level = LogLevel.Information, Message = "Discord gateway: READY as user {UserId}")]
    private static partial void Ready(ILogger log, string userId);

    [LoggerMessage(EventId = 433, Level = LogLevel.Information, Message = "Discord gateway: RESUMED at seq {Sequence}")]
    private static partial void Resumed(ILogger log, int? sequence);

    [LoggerMessage(EventId = 434, Level = LogLevel.Warning, Message = "Discord gateway: no heartbeat ACK within {IntervalMs} ms (zombie connection); closing and resuming")]
    private static partial void Zombie(ILogger log, double intervalMs);

    [LoggerMessage(EventId = 435, Level = LogLevel.Information, Message = "Discord gateway: op 7 RECONNECT; resuming on a new connection")]
    private static partial void ReconnectAsked(ILogger log);

    [LoggerMessage(EventId = 436, Level = LogLevel.Warning, Message = "Discord gateway: op 9 INVALID SESSION (resumable: {Resumable})")]
    private static partial void InvalidSession(ILogger log, bool resumable);

    [LoggerMessage(EventId = 437, Level = LogLevel.Critical, Message = "Discord gateway stopped, not reconnecting: close code {Why}")]
    private static partial void FatalClose(ILogger log, string why);

    [LoggerMessage(EventId = 438, Level = LogLevel.Warning, Message = "Discord gateway closed the connection: {Code} {Description}")]
    private static partial void ClosedByServer(ILogger log, int code, string description);

    [LoggerMessage(EventId = 439, Level = LogLevel.Warning, Message = "Discord gateway: ignored {What}")]
    private static partial void Malformed(ILogger log, string what);

    [LoggerMessage(EventId = 440, Level = LogLevel.Warning, Message = "Discord gateway: a message over {Max} bytes; closing the connection")]
    private static partial void TooLarge(ILogger log, int max);

    [LoggerMessage(EventId = 441, Level = LogLevel.Warning, Message = "Discord gateway connection dropped: {Reason}")]
    private static partial void Dropped(ILogger log, string reason);

    [LoggerMessage(EventId = 442, Level = LogLevel.Warning, Message = "Discord gateway: no HELLO within {Seconds} s; reconnecting")]
    private static partial void NoHello(ILogger log, double seconds);

    [LoggerMessage(EventId = 443, Level = LogLevel.Debug, Message = "Discord gateway: heartbeat failed ({Reason})")]
    private static partial void HeartbeatFailed(ILogger log, string reason);

    [LoggerMessage(EventId = 429, Level = LogLevel.Error, Message = "Discord gateway: handling a MESSAGE_CREATE failed")]
    private static partial void HandlerFailed(ILogger log, Exception exception);
}
