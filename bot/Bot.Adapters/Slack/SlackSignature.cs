using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Bot.Adapters.Slack;

/// <summary>
/// Slack's v0 request signature, checked before anything parses the request: HMAC-SHA256 with the signing secret
/// over <c>v0:{X-Slack-Request-Timestamp}:{raw body}</c>, compared in constant time with <c>X-Slack-Signature</c>
/// (<c>v0=</c> and 64 hex digits), and a timestamp within the window. Every failure is simply "no".
/// </summary>
public sealed class SlackSignature(byte[] secret, TimeSpan window, TimeProvider time)
{
    private const string Version = "v0";
    private const int MacSize = 32;

    public bool IsValid(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestamp) || timestamp.Length > 20
            || signature is not { Length: 3 + (MacSize * 2) } || !signature.StartsWith(Version + "=", StringComparison.Ordinal))
        {
            return false;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(time.GetUtcNow().ToUnixTimeSeconds() - seconds) > window.TotalSeconds)
        {
            return false;
        }

        Span<byte> given = stackalloc byte[MacSize];
        if (Convert.FromHexString(signature.AsSpan(3), given, out _, out var written) != OperationStatus.Done || written != MacSize)
        {
            return false;
        }

        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);
        hmac.AppendData(Encoding.ASCII.GetBytes($"{Version}:{timestamp}:"));
        hmac.AppendData(body);
        Span<byte> expected = stackalloc byte[MacSize];
        hmac.GetHashAndReset(expected);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>The signature header value for a body (for tests and tools that sign as Slack does).</summary>
    public static string Sign(byte[] secret, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);
        hmac.AppendData(Encoding.ASCII.GetBytes($"{Version}:{timestamp}:"));
        hmac.AppendData(body);
        return Version + "=" + Convert.ToHexStringLower(hmac.GetHashAndReset());
    }
}
