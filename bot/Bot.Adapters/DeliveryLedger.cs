using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Bot.Adapters;

/// <summary>
/// What was answered to which delivery id, remembered for at least <c>lifetime</c>: the de-duplication ledger of a
/// platform endpoint. Built for a flood of distinct ids: entries are plain struct slots in three generations of
/// half the lifetime each (the oldest dropped whole), keyed by a 128-bit value instead of a string, so a busy
/// endpoint leaves no per-entry objects for the garbage collector to trace (the values are shared answers or flags).
/// Numeric ids (Discord's snowflakes) are their own key; any other id is keyed by 127 bits of its SHA-256. Every
/// adapter's "answer each delivery once" goes through one of these: <see cref="TryClaim"/> is the atomic
/// received → claimed step.
/// </summary>
public sealed class DeliveryLedger<TValue>(TimeSpan lifetime, TimeProvider time, int maxPerGeneration = 500_000)
{
    private readonly Lock _lock = new();
    private readonly long _slice = (long)(lifetime.TotalMilliseconds / 2);
    private Dictionary<UInt128, TValue> _current = [];
    private Dictionary<UInt128, TValue> _previous = [];
    private Dictionary<UInt128, TValue> _older = [];
    private long _rotatedAt = time.GetUtcNow().ToUnixTimeMilliseconds();

    public bool TryGet(string id, [MaybeNullWhen(false)] out TValue value)
    {
        var key = Key(id);
        lock (_lock)
        {
            RotateWhenDue();
            return _current.TryGetValue(key, out value) || _previous.TryGetValue(key, out value) || _older.TryGetValue(key, out value);
        }
    }

    public void Set(string id, TValue value)
    {
        var key = Key(id);
        lock (_lock)
        {
            RotateWhenDue();
            Add(key, value);
        }
    }

    /// <summary>Records every id with <paramref name="value"/> unless one of them is already recorded (atomic); true if recorded.</summary>
    public bool TryClaim(TValue value, params ReadOnlySpan<string> ids)
    {
        Span<UInt128> keys = stackalloc UInt128[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            keys[i] = Key(ids[i]);
        }

        lock (_lock)
        {
            RotateWhenDue();
            foreach (var key in keys)
            {
                if (_current.ContainsKey(key) || _previous.ContainsKey(key) || _older.ContainsKey(key))
                {
                    return false;
                }
            }

            foreach (var key in keys)
            {
                Add(key, value);
            }

            return true;
        }
    }

    /// <summary>Forgets an id (a claimed delivery that could not be handled, so that a retry is).</summary>
    public void Forget(string id)
    {
        var key = Key(id);
        lock (_lock)
        {
            _current.Remove(key);
            _previous.Remove(key);
            _older.Remove(key);
        }
    }

    private void Add(UInt128 key, TValue value)
    {
        if (_current.Count >= maxPerGeneration)
        {
            // A flood beyond any real traffic: remember the newest ids rather than grow without bound.
            Rotate();
        }

        _current[key] = value;
    }

    private void RotateWhenDue()
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (now - _rotatedAt < _slice)
        {
            return;
        }

        // Idle for longer than the whole lifetime: everything has expired.
        if (now - _rotatedAt >= 3 * _slice)
        {
            _older = [];
            _previous = [];
            _current = [];
        }
        else
        {
            Rotate();
        }

        _rotatedAt = now;
    }

    private void Rotate()
    {
        (_older, _previous, _current) = (_previous, _current, _older);
        _current.Clear();
    }

    private static UInt128 Key(string id)
    {
        // Only the canonical spelling of a number is its own key ("042" is another id than "42").
        if (id.Length is > 0 and <= 20 && (id[0] != '0' || id.Length == 1) && ulong.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(id), hash);
        return new UInt128(System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(hash) | (1UL << 63), System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(hash[8..]));
    }
}
