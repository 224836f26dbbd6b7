using Microsoft.AspNetCore.Http;

namespace Bot.Adapters;

/// <summary>Reads a request body whole, up to a limit, for endpoints that must see the raw bytes (signatures).</summary>
public static class RequestBody
{
    /// <summary>The body, or null when it is larger than <paramref name="max"/> (the caller answers 413).</summary>
    public static async Task<byte[]?> ReadBoundedAsync(HttpRequest request, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength is { } declared)
        {
            if (declared > max)
            {
                return null;
            }

            // The usual case: one buffer of the declared size (Kestrel delivers exactly Content-Length bytes, or fails
            // the request itself when the client sends fewer).
            var exact = new byte[declared];
            await request.Body.ReadExactlyAsync(exact, cancellationToken).ConfigureAwait(false);
            return exact;
        }

        // Chunked: grow up to the limit.
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
