using Microsoft.Extensions.Logging;

namespace Bot.Adapters.Discord.Gateway;

// Message ids and channel ids only: never what people wrote.
public sealed partial class GatewayMessageHandler
{
    [LoggerMessage(EventId = 450, Level = LogLevel.Warning, Message = "Discord gateway: a MESSAGE_CREATE without id, channel_id or author; ignored")]
    private static partial void Malformed(ILogger log);

    [LoggerMessage(EventId = 451, Level = LogLevel.Debug, Message = "Discord message {Id} in {Channel} not answered: {Reason}")]
    private static partial void Ignored(ILogger log, string id, string channel, string reason);

    [LoggerMessage(EventId = 452, Level = LogLevel.Information, Message = "Discord message {Id} delivered again (a RESUME replay); answered once")]
    private static partial void Duplicate(ILogger log, string id);

    [LoggerMessage(EventId = 453, Level = LogLevel.Information, Message = "Discord message {Id} in {Channel} not answered: the channel's limit of {PerMinute} answers a minute is reached")]
    private static partial void ChannelLimited(ILogger log, string id, string channel, int perMinute);

    [LoggerMessage(EventId = 454, Level = LogLevel.Information, Message = "Discord message {Id} in {Channel} answered ({How}): HTTP {Status}")]
    private static partial void Sent(ILogger log, string id, string channel, string how, int status);

    [LoggerMessage(EventId = 456, Level = LogLevel.Warning, Message = "Discord message {Id} in {Channel} not answered ({How}): HTTP {Status}, code {Code}")]
    private static partial void SendFailed(ILogger log, string id, string channel, string how, int status, int? code);

    [LoggerMessage(EventId = 455, Level = LogLevel.Error, Message = "Background queue full; Discord message {Id} not answered")]
    private static partial void QueueFull(ILogger log, string id);
}
