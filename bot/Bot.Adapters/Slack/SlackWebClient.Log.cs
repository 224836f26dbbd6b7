using Microsoft.Extensions.Logging;

namespace Bot.Adapters.Slack;

public sealed partial class SlackWebClient
{
    [LoggerMessage(EventId = 600, Level = LogLevel.Warning, Message = "Slack rate limit on {What}: waiting {Seconds:F1} s")]
    private static partial void RateLimited(ILogger log, string what, double seconds);

    [LoggerMessage(EventId = 601, Level = LogLevel.Warning, Message = "Slack {Method} failed: HTTP {Status}, error {Error}")]
    private static partial void CallFailed(ILogger log, string method, int status, string error);

    [LoggerMessage(EventId = 602, Level = LogLevel.Error, Message = "Slack {Method} answered {Error}: the bot token no longer works; no further Web API calls until restart (check Slack:BotToken)")]
    private static partial void TokenDead(ILogger log, string method, string error);

    [LoggerMessage(EventId = 603, Level = LogLevel.Warning, Message = "Not posting to the response_url host {Host}: it is not in Slack:ResponseUrlHosts (or not https)")]
    private static partial void ResponseUrlRefused(ILogger log, string host);

    [LoggerMessage(EventId = 604, Level = LogLevel.Warning, Message = "Posting to a response_url failed: HTTP {Status} {Body}")]
    private static partial void ResponseUrlFailed(ILogger log, int status, string body);

    [LoggerMessage(EventId = 605, Level = LogLevel.Warning, Message = "Slack {What} failed on the network ({Reason}); not repeated, it may have been delivered")]
    private static partial void NetworkFailed(ILogger log, string what, string reason);

    [LoggerMessage(EventId = 606, Level = LogLevel.Warning, Message = "A response_url has had its 5 posts (Slack's limit in 30 minutes); the answer goes by {Instead}")]
    private static partial void ResponseUrlUsedUp(ILogger log, string instead);
}
