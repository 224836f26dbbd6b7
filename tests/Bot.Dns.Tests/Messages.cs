using Bot.Dns.Wire;

namespace Bot.Dns.Tests;

/// <summary>Builds response messages with our writer, for tests that need specific wire content.</summary>
internal static class Messages
{
    public static byte[] Response(ushort id, ushort flags, string qname, ushort qtype, Action<Builder>? body = null)
    {
        var b = new Builder(id, flags, qname, qtype);
        body?.Invoke(b);
        return b.Build();
    }

    internal sealed class Builder(ushort id, ushort flags, string qname, ushort qtype)
    {
        private readonly List<Action<DnsWriterBox>> _answers = [];
        private readonly List<Action<DnsWriterBox>> _additional = [];

        public Builder A(string name, string address, uint ttl = 300, bool additional = false)
        {
            (additional ? _additional : _answers).Add(w =>
            {
                w.Name(name);
                w.U16(1);
                w.U16(1);
                w.U32(ttl);
                w.U16(4);
                w.Bytes(System.Net.IPAddress.Parse(address).GetAddressBytes());
            });
            return this;
        }

        public Builder Record(string name, ushort type, byte[] rdata, uint ttl = 300)
        {
            _answers.Add(w =>
            {
                w.Name(name);
                w.U16(type);
                w.U16(1);
                w.U32(ttl);
                w.U16((ushort)rdata.Length);
                w.Bytes(rdata);
            });
            return this;
        }

        public Builder Opt(byte extendedRcode = 0, byte version = 0, ushort udp = 1232, bool dnssecOk = false, params (ushort Code, byte[] Data)[] options)
        {
            _additional.Add(w =>
            {
                w.U8(0);
                w.U16(41);
                w.U16(udp);
                w.U8(extendedRcode);
                w.U8(version);
                w.U16((ushort)(dnssecOk ? 0x8000 : 0));
                w.U16((ushort)options.Sum(o => 4 + o.Data.Length));
                foreach (var (code, data) in options)
                {
                    w.U16(code);
                    w.U16((ushort)data.Length);
                    w.Bytes(data);
                }
            });
            return this;
        }

        public byte[] Build()
        {
            var buffer = new byte[4096];
            var targets = new int[32];
            var box = new DnsWriterBox(buffer, targets);
            new DnsHeader(id, flags, 1, (ushort)_answers.Count, 0, (ushort)_additional.Count).Write(buffer);
            box.Skip(DnsHeader.Size);
            box.Name(qname);
            box.U16(qtype);
            box.U16(1);
            foreach (var a in _answers)
            {
                a(box);
            }

            foreach (var a in _additional)
            {
                a(box);
            }

            return buffer[..box.Offset];
        }
    }

    /// <summary>A heap wrapper around <see cref="DnsWriter"/> (a ref struct) for building in lambdas.</summary>
    internal sealed class DnsWriterBox(byte[] buffer, int[] targets)
    {
        private readonly List<int> _written = [];

        public int Offset { get; private set; }

        public void Skip(int n) => Offset += n;

        public void Name(string name)
        {
            // Rebuild the writer's compression state over everything written so far, then write the name.
            var w = new DnsWriter(buffer.AsSpan(Offset), targets.AsSpan());
            w.WriteName(name, compress: false);
            Offset += w.Offset;
        }

        public void U8(byte v) => buffer[Offset++] = v;

        public void U16(ushort v)
        {
            buffer[Offset++] = (byte)(v >> 8);
            buffer[Offset++] = (byte)v;
        }

        public void U32(uint v)
        {
            U16((ushort)(v >> 16));
            U16((ushort)v);
        }

        public void Bytes(byte[] b)
        {
            b.CopyTo(buffer, Offset);
            Offset += b.Length;
        }
    }
}
