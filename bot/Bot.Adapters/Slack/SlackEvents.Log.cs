using Microsoft.Extensions.Logging;

namespace Bot.Adapters.Slack;

public sealed partial class SlackEvents
{
    [LoggerMessage(EventId = 620, Level = LogLevel.Information, Message = "Slack message already answered; {Type} event ignored")]
    private static partial void Duplicate(ILogger log, string type);

    [LoggerMessage(EventId = 621, Level = LogLevel.Warning, Message = "Slack answers in channel {Channel} exceed Slack:ChannelAnswersPerMinute; message not answered")]
    private static partial void Throttled(ILogger log, string channel);

    [LoggerMessage(EventId = 622, Level = LogLevel.Warning, Message = "The reply to a Slack {Type} event was not posted: {Error}")]
    private static partial void ReplyFailed(ILogger log, string type, string error);

    [LoggerMessage(EventId = 623, Level = LogLevel.Warning, Message = "The \"working\" message could not be replaced with the result ({Error}); the result is posted as a new reply")]
    private static partial void UpdateFailed(ILogger log, string error);
}
