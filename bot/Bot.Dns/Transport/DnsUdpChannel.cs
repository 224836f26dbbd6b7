using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks.Sources;
using Bot.Dns.Wire;

namespace Bot.Dns.Transport;

/// <summary>
/// Many queries in flight over one connected UDP socket to one server, for volume (load tests, bulk checks).
/// Each query gets a random unused ID; a datagram completes a query only if its ID is pending and its question
/// section is byte-for-byte the one sent (names compared case-insensitively); everything else is dropped and
/// counted. The response is copied into the caller's buffer: nothing is parsed or allocated per query beyond the
/// pooled slots. (<see cref="DnsClient"/> keeps a socket per query, so it can tell "connection refused" apart.)
/// </summary>
public sealed class DnsUdpChannel : IDisposable
{
    private const int MaxMessage = 65535;

    /// <summary>How often timeouts are checked: a query times out within this much after its deadline.</summary>
    private static readonly TimeSpan SweepPeriod = TimeSpan.FromMilliseconds(20);

    /// <summary>How long the receiving thread sleeps at most before it looks whether the channel was disposed.</summary>
    private static readonly TimeSpan StopCheckPeriod = TimeSpan.FromMilliseconds(200);

    /// <summary>How long the receiving thread keeps asking an empty socket before it sleeps: 50 µs.</summary>
    private static readonly long SpinTicks = Stopwatch.Frequency / 20_000;
    private readonly Socket _socket;
    private readonly Slot?[] _pending = new Slot?[65536];
    private readonly Stack<Slot> _free = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Timer _sweeper;
    private readonly Thread _receiver;
    private Slot[] _all = [];
    private readonly byte[] _ids = new byte[4096];
    private int _idsUsed = 4096;
    private int _dropped;

    public DnsUdpChannel(IPEndPoint server, TargetPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(policy);
        if (!policy.IsAllowed(server.Address))
        {
            throw new ArgumentException($"The target policy does not allow {server.Address}.", nameof(server));
        }

        Server = server;
        _socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        _socket.Connect(server);
        _socket.Blocking = false; // see ReceiveLoop
        _sweeper = new Timer(static s => ((DnsUdpChannel)s!).Sweep(), this, SweepPeriod, SweepPeriod);
        _receiver = new Thread(ReceiveLoop) { IsBackground = true, Name = "dns-udp-channel" };
        _receiver.Start();
    }

    /// <summary>Whether the receiving thread still runs (it ends shortly after <see cref="Dispose"/>).</summary>
    internal bool IsReceiving => _receiver.IsAlive;

    public IPEndPoint Server { get; }

    /// <summary>Datagrams that matched no pending query (late, duplicated, spoofed) and were dropped.</summary>
    public int Dropped => Volatile.Read(ref _dropped);

    /// <summary>Sends the query and waits for its response; returns the response length, or 0 on timeout.</summary>
    public async ValueTask<int> ExchangeAsync(DnsQuery query, Memory<byte> response, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var slot = Rent();
        ushort id;
        do
        {
            id = NextId();
        }
        while (Interlocked.CompareExchange(ref _pending[id], slot, null) is not null);

        var length = query.Write(slot.Query, id);
        slot.Begin(response, length, timeout, cancellationToken);
        try
        {
            // A UDP send does not wait for the peer: the plain system call, without the async machinery around it.
            _socket.Send(slot.Query, 0, length, SocketFlags.None, out var error);
            if (error == SocketError.WouldBlock)
            {
                await _socket.SendAsync(slot.Query.AsMemory(0, length), SocketFlags.None, cancellationToken).ConfigureAwait(false); // send buffer full
            }
            else if (error != SocketError.Success)
            {
                throw new SocketException((int)error);
            }

            return await new ValueTask<int>(slot, slot.Version).ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _pending[id], null);
            slot.End();
            Return(slot);
        }
    }

    /// <summary>
    /// An unpredictable query ID from the system's CSPRNG, drawn 4 KB at a time: one call per query costs about a tenth
    /// of the channel's CPU at load (OpenSSL's provider lookup on every call), the IDs are just as random.
    /// </summary>
    private ushort NextId()
    {
        lock (_ids)
        {
            if (_idsUsed >= _ids.Length)
            {
                RandomNumberGenerator.Fill(_ids);
                _idsUsed = 0;
            }

            var id = BinaryPrimitives.ReadUInt16LittleEndian(_ids.AsSpan(_idsUsed));
            _idsUsed += 2;
            return id;
        }
    }

    /// <summary>
    /// One thread per channel reads the socket: the kernel wakes it when a datagram arrives, with no event loop or
    /// thread-pool hop in between, and the answered caller's continuation (usually its next send) runs right here.
    /// At 64 queries in flight those hops cost more CPU than the queries themselves. The socket is non-blocking: when
    /// it is empty the thread keeps asking for a few tens of microseconds (a loopback answer is usually that close;
    /// waking a sleeping thread costs more) and then sleeps in poll(2) until a datagram comes or it is time to look
    /// whether the channel was disposed.
    /// </summary>
    private void ReceiveLoop()
    {
        var buffer = new byte[MaxMessage];
        var spinUntil = 0L;
        while (!_stop.IsCancellationRequested)
        {
            int n;
            try
            {
                n = _socket.Receive(buffer, 0, buffer.Length, SocketFlags.None, out var error);
                if (error == SocketError.WouldBlock)
                {
                    var now = Stopwatch.GetTimestamp();
                    if (spinUntil == 0)
                    {
                        spinUntil = now + SpinTicks;
                    }
                    else if (now > spinUntil)
                    {
                        _socket.Poll(StopCheckPeriod, SelectMode.SelectRead);
                        spinUntil = 0;
                    }

                    continue;
                }

                spinUntil = 0;
                if (error != SocketError.Success)
                {
                    continue; // an ICMP error for some earlier datagram; that query times out
                }
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                // Only poll(2) throws here. Whatever it was, pause a moment so a socket that keeps failing cannot spin.
                spinUntil = 0;
                Thread.Sleep(1);
                continue;
            }

            if (n < DnsHeader.Size)
            {
                Interlocked.Increment(ref _dropped);
                continue;
            }

            var id = BinaryPrimitives.ReadUInt16BigEndian(buffer);
            var slot = Volatile.Read(ref _pending[id]);
            if (slot is null || (buffer[2] & 0x80) == 0 || !slot.TryComplete(buffer.AsSpan(0, n)))
            {
                Interlocked.Increment(ref _dropped);
            }
        }
    }

    private Slot Rent()
    {
        lock (_free)
        {
            if (_free.Count > 0)
            {
                return _free.Pop();
            }

            var slot = new Slot();
            _all = [.. _all, slot]; // copy on write: the sweeper reads the array without the lock
            return slot;
        }
    }

    /// <summary>
    /// Times out the queries past their deadline. One periodic timer per channel instead of a timer per query: arming
    /// and disarming a timer for every query cost more than the query's own bookkeeping.
    /// </summary>
    private void Sweep()
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var slot in Volatile.Read(ref _all))
        {
            slot.TimeOutIfDue(now);
        }
    }

    private void Return(Slot slot)
    {
        lock (_free)
        {
            _free.Push(slot);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _sweeper.Dispose();
        _socket.Dispose();
        _stop.Dispose();
    }

    /// <summary>
    /// One query in flight: its wire bytes, where the answer goes, its deadline, and a reusable awaitable. The state
    /// counts generations: even while a query is in flight, odd once it has ended. Whatever ends it (the response, the
    /// sweeper, the caller's token) must move it from the even value it saw to the next odd one, so a late timeout or
    /// datagram can never end the slot's next query.
    /// </summary>
    private sealed class Slot : IValueTaskSource<int>
    {
        private ManualResetValueTaskSourceCore<int> _core = new() { RunContinuationsAsynchronously = false };
        private Memory<byte> _response;
        private int _queryLength;
        private int _state = 1;
        private long _deadline;
        private CancellationTokenRegistration _callerRegistration;

        public byte[] Query { get; } = new byte[512];

        public short Version => _core.Version;

        public void Begin(Memory<byte> response, int queryLength, TimeSpan timeout, CancellationToken cancellationToken)
        {
            _core.Reset();
            _response = response;
            _queryLength = queryLength;
            Volatile.Write(ref _deadline, Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency));
            Volatile.Write(ref _state, _state + 1); // odd → even: in flight
            if (cancellationToken.CanBeCanceled)
            {
                _callerRegistration = cancellationToken.UnsafeRegister(static s => ((Slot)s!).Finish(Volatile.Read(ref ((Slot)s!)._state), 0), this);
            }
        }

        public void End()
        {
            // Waits for a running cancellation callback, so it cannot reach the slot's next query.
            _callerRegistration.Dispose();
            _callerRegistration = default;
        }

        /// <summary>Ends the query with a timeout (0) if it is still the one in flight and its deadline has passed.</summary>
        public void TimeOutIfDue(long now)
        {
            var state = Volatile.Read(ref _state);
            if ((state & 1) == 0 && now > Volatile.Read(ref _deadline))
            {
                Finish(state, 0);
            }
        }

        /// <summary>Accepts the datagram if its question section equals the one sent.</summary>
        public bool TryComplete(ReadOnlySpan<byte> datagram)
        {
            // Only a query in flight can be answered; its bytes are complete once Begin has published the state. The
            // walk stays in bounds even if the slot is recycled meanwhile (the CAS below then fails).
            var state = Volatile.Read(ref _state);
            if ((state & 1) != 0)
            {
                return false;
            }

            // Question: from offset 12 to the end of the first question in our query (no OPT in the question).
            var q = Query.AsSpan(0, Math.Min(_queryLength, Query.Length));
            var questionEnd = DnsHeader.Size;
            while (questionEnd < q.Length && q[questionEnd] != 0)
            {
                questionEnd += q[questionEnd] + 1;
            }

            questionEnd += 5;
            var qd = BinaryPrimitives.ReadUInt16BigEndian(datagram[4..]);
            if (questionEnd > q.Length || qd != 1 || datagram.Length < questionEnd || datagram.Length > _response.Length
                || !Ascii.EqualsIgnoreCase(datagram[DnsHeader.Size..(questionEnd - 4)], q[DnsHeader.Size..(questionEnd - 4)])
                || !datagram[(questionEnd - 4)..questionEnd].SequenceEqual(q[(questionEnd - 4)..questionEnd]))
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _state, state + 1, state) != state)
            {
                return false;
            }

            datagram.CopyTo(_response.Span);
            _core.SetResult(datagram.Length);
            return true;
        }

        /// <summary>Ends the query seen in <paramref name="state"/> with <paramref name="length"/>, unless something ended it first.</summary>
        private void Finish(int state, int length)
        {
            if ((state & 1) == 0 && Interlocked.CompareExchange(ref _state, state + 1, state) == state)
            {
                _core.SetResult(length);
            }
        }

        public int GetResult(short token) => _core.GetResult(token);

        public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

        public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
            _core.OnCompleted(continuation, state, token, flags);
    }
}
