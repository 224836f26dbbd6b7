using System.Buffers;
using System.Globalization;
using System.Text;

namespace Bot.Adapters.Discord;

/// <summary>
/// Checks a request before anything parses it: Ed25519 over the timestamp header followed by the raw body bytes,
/// with the application's public key, and a timestamp within the window. Every failure is simply "no".
/// </summary>
public sealed class DiscordSignature(byte[] publicKey, TimeSpan window, TimeProvider time)
{
    public bool IsValid(string? timestamp, string? signatureHex, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestamp) || timestamp.Length > 20 || signatureHex is not { Length: Ed25519.SignatureSize * 2 })
        {
            return false;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(time.GetUtcNow().ToUnixTimeSeconds() - seconds) > window.TotalSeconds)
        {
            return false;
        }

        Span<byte> signature = stackalloc byte[Ed25519.SignatureSize];
        if (Convert.FromHexString(signatureHex, signature, out _, out var written) != OperationStatus.Done || written != Ed25519.SignatureSize)
        {
            return false;
        }

        var length = timestamp.Length + body.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var n = Encoding.ASCII.GetBytes(timestamp, rented);
            body.CopyTo(rented.AsSpan(n));
            return Ed25519.Verify(signature, rented.AsSpan(0, length), publicKey);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
