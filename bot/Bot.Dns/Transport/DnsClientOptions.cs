namespace Bot.Dns.Transport;

/// <summary>Timeouts and retries of <see cref="DnsClient"/>.</summary>
public sealed class DnsClientOptions
{
    /// <summary>How long one UDP attempt (or a whole TCP exchange) may take.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMilliseconds(800);

    /// <summary>UDP attempts before giving up (each with a new ID).</summary>
    public int Attempts { get; set; } = 2;
}
