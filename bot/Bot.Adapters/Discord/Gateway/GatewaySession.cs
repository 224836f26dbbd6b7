namespace Bot.Adapters.Discord.Gateway;

/// <summary>
/// What survives a connection: the session to resume, the last sequence number seen and the bot's own user id.
/// Written by the one connection loop, read by the heartbeat task.
/// </summary>
internal sealed class GatewaySession
{
    private int _sequence = -1;

    public string? SessionId { get; private set; }

    public string? ResumeUrl { get; private set; }

    /// <summary>Our own user id, from READY: mentions of it are questions, messages by it are ignored.</summary>
    public string? UserId { get; private set; }

    public int? Sequence => Volatile.Read(ref _sequence) is var s and >= 0 ? s : null;

    public bool CanResume => SessionId is not null;

    public void Track(int? sequence)
    {
        if (sequence is { } s and >= 0)
        {
            Volatile.Write(ref _sequence, s);
        }
    }

    public void Ready(string sessionId, string? resumeUrl, string? userId)
    {
        SessionId = sessionId;
        ResumeUrl = resumeUrl is not null && Uri.TryCreate(resumeUrl, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeWss || u.Scheme == Uri.UriSchemeWs)
            ? resumeUrl
            : null;
        UserId = userId ?? UserId;
    }

    /// <summary>A new session follows (op 9 d=false, 4007, 4009): nothing to resume, sequence starts again.</summary>
    public void Clear()
    {
        SessionId = null;
        ResumeUrl = null;
        Volatile.Write(ref _sequence, -1);
    }
}
