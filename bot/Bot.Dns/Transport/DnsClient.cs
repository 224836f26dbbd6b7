using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Bot.Dns.Wire;

namespace Bot.Dns.Transport;

/// <summary>
/// Sends one query to one server and returns what happened. UDP first with a random ID; a response counts only
/// if its source, ID and question match (anything else is dropped and counted); TC=1 repeats the query over TCP;
/// BADCOOKIE is retried once with the server cookie (RFC 7873 §5.3). Every wait is bounded and cancellable.
/// </summary>
public sealed partial class DnsClient(TargetPolicy policy, DnsClientOptions? options = null, TimeProvider? time = null)
{
    private const int MaxMessage = 65535;
    private readonly DnsClientOptions _options = options ?? new DnsClientOptions();
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<DnsExchange> QueryAsync(DnsQuery query, IPEndPoint server, bool tcp = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(server);
        var when = _time.GetUtcNow();
        if (!policy.IsAllowed(server.Address))
        {
            return new DnsExchange(query, server, DnsOutcome.Blocked) { When = when, Detail = "the target policy does not allow this address" };
        }

        var started = _time.GetTimestamp();
        DnsExchange exchange;
        try
        {
            exchange = tcp ? await TcpAsync(query, server, cancellationToken).ConfigureAwait(false) : await UdpAsync(query, server, cancellationToken).ConfigureAwait(false);
            if (exchange.IsResponse && exchange.Response!.Header.Tc && !tcp)
            {
                var overTcp = await TcpAsync(query, server, cancellationToken).ConfigureAwait(false);
                exchange = overTcp with { Attempts = exchange.Attempts + 1, Ignored = exchange.Ignored + overTcp.Ignored };
            }

            if (exchange.IsResponse && exchange.Response!.Rcode == (int)DnsRcode.BadCookie && exchange.Response.Edns?.Cookie is { Server.Length: >= 8 } cookie
                && query.ClientCookie is not null && query.ServerCookie is null)
            {
                var retry = query with { ServerCookie = cookie.Server };
                exchange = await QueryAsync(retry, server, tcp, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            exchange = new DnsExchange(query, server, DnsOutcome.Cancelled);
        }

        return exchange with { Elapsed = _time.GetElapsedTime(started), When = when };
    }

    private async Task<DnsExchange> UdpAsync(DnsQuery query, IPEndPoint server, CancellationToken cancellationToken)
    {
        using var socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        var buffer = ArrayPool<byte>.Shared.Rent(MaxMessage);
        var send = ArrayPool<byte>.Shared.Rent(512);
        var ignored = 0;
        string? malformed = null;
        try
        {
            // Connected, so the kernel reports ICMP port unreachable as ConnectionRefused ("host up, no DNS service").
            await socket.ConnectAsync(server, cancellationToken).ConfigureAwait(false);
            for (var attempt = 1; attempt <= Math.Max(1, _options.Attempts); attempt++)
            {
                var id = (ushort)RandomNumberGenerator.GetInt32(0, 0x10000);
                var length = query.Write(send, id);
                await socket.SendAsync(send.AsMemory(0, length), SocketFlags.None, cancellationToken).ConfigureAwait(false);
                using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attemptTimeout.CancelAfter(_options.AttemptTimeout);
                while (true)
                {
                    SocketReceiveFromResult received;
                    try
                    {
                        received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(server.AddressFamily == AddressFamily.InterNetwork ? IPAddress.Any : IPAddress.IPv6Any, 0), attemptTimeout.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        break; // this attempt timed out
                    }
                    catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
                    {
                        return new DnsExchange(query, server, DnsOutcome.ConnectionRefused) { Attempts = attempt, Ignored = ignored, Detail = "connection refused (ICMP port unreachable)" };
                    }

                    var match = Match(buffer.AsSpan(0, received.ReceivedBytes), received.RemoteEndPoint, server, id, query, out var message, out var why);
                    if (match)
                    {
                        return new DnsExchange(query, server, DnsOutcome.Response) { Response = message, Attempts = attempt, Ignored = ignored };
                    }

                    ignored++;
                    malformed = why ?? malformed;
                }
            }

            return malformed is not null
                ? new DnsExchange(query, server, DnsOutcome.Malformed) { Attempts = _options.Attempts, Ignored = ignored, Detail = malformed }
                : new DnsExchange(query, server, DnsOutcome.Timeout) { Attempts = _options.Attempts, Ignored = ignored, Detail = $"no response within {_options.AttemptTimeout.TotalMilliseconds:F0} ms × {_options.Attempts}" };
        }
        catch (SocketException e)
        {
            return new DnsExchange(query, server, e.SocketErrorCode == SocketError.ConnectionRefused ? DnsOutcome.ConnectionRefused : DnsOutcome.NetworkError) { Ignored = ignored, Detail = e.SocketErrorCode.ToString() };
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<byte>.Shared.Return(send);
        }
    }

    private async Task<DnsExchange> TcpAsync(DnsQuery query, IPEndPoint server, CancellationToken cancellationToken)
    {
        using var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.AttemptTimeout * 2);
        var buffer = ArrayPool<byte>.Shared.Rent(MaxMessage + 2);
        try
        {
            await socket.ConnectAsync(server, timeout.Token).ConfigureAwait(false);
            var id = (ushort)RandomNumberGenerator.GetInt32(0, 0x10000);
            var length = query.Write(buffer.AsSpan(2), id);
            buffer[0] = (byte)(length >> 8);
            buffer[1] = (byte)length;
            await socket.SendAsync(buffer.AsMemory(0, length + 2), SocketFlags.None, timeout.Token).ConfigureAwait(false);

            // RFC 1035 §4.2.2 / RFC 7766 §8: a two-octet length, then the message.
            if (!await ReadExactlyAsync(socket, buffer.AsMemory(0, 2), timeout.Token).ConfigureAwait(false))
            {
                return new DnsExchange(query, server, DnsOutcome.NetworkError) { OverTcp = true, Attempts = 1, Detail = "the server closed the TCP connection without answering" };
            }

            var size = (buffer[0] << 8) | buffer[1];
            if (!await ReadExactlyAsync(socket, buffer.AsMemory(0, size), timeout.Token).ConfigureAwait(false))
            {
                return new DnsExchange(query, server, DnsOutcome.Malformed) { OverTcp = true, Attempts = 1, Detail = "the TCP response ended early" };
            }

            return Match(buffer.AsSpan(0, size), server, server, id, query, out var message, out var why)
                ? new DnsExchange(query, server, DnsOutcome.Response) { Response = message, OverTcp = true, Attempts = 1 }
                : new DnsExchange(query, server, DnsOutcome.Malformed) { OverTcp = true, Attempts = 1, Detail = why ?? "the TCP response does not match the query" };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DnsExchange(query, server, DnsOutcome.Timeout) { OverTcp = true, Attempts = 1, Detail = "TCP exchange timed out" };
        }
        catch (SocketException e)
        {
            return new DnsExchange(query, server, e.SocketErrorCode == SocketError.ConnectionRefused ? DnsOutcome.ConnectionRefused : DnsOutcome.NetworkError)
            {
                OverTcp = true,
                Attempts = 1,
                Detail = e.SocketErrorCode == SocketError.ConnectionRefused ? "connection refused (TCP RST)" : e.SocketErrorCode.ToString(),
            };
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<bool> ReadExactlyAsync(Socket socket, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await socket.ReceiveAsync(buffer[read..], SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return false;
            }

            read += n;
        }

        return true;
    }

    /// <summary>Source, ID and question must all match; otherwise the datagram is not our answer.</summary>
    private static bool Match(ReadOnlySpan<byte> data, EndPoint from, IPEndPoint server, ushort id, DnsQuery query, out DnsMessage message, out string? malformed)
    {
        message = null!;
        malformed = null;
        if (from is not IPEndPoint source || !source.Address.Equals(server.Address) || source.Port != server.Port)
        {
            return false;
        }

        if (!DnsHeader.TryRead(data, out var header) || header.Id != id || !header.Qr)
        {
            return false;
        }

        if (!DnsMessage.TryParse(data, out message, out var error))
        {
            malformed = $"a response with our ID did not parse: {error}";
            return false;
        }

        // Error responses (FORMERR, NOTIMP ...) may come without the question section.
        if (message.Questions.Count == 0)
        {
            return message.Rcode != 0;
        }

        var q = message.Questions[0];
        return message.Questions.Count == 1 && q.Type == query.Type && q.Class == query.Class && DnsName.Equal(q.Name, query.Name);
    }
}
