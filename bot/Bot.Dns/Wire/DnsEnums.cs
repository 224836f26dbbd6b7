namespace Bot.Dns.Wire;

/// <summary>The 4-bit OPCODE of the header (RFC 1035 §4.1.1, RFC 6895 §2.2).</summary>
public enum DnsOpcode : byte
{
    Query = 0,
    IQuery = 1,
    Status = 2,
    Notify = 4,
    Update = 5,
    Dso = 6,
}

/// <summary>
/// A response code as the wire carries it: values 0–15 fit the 4-bit header field; higher values exist only as the
/// 12-bit extended RCODE (header + OPT, RFC 6891 §6.1.3) or in a TSIG/TKEY error field. Client outcomes such as
/// timeouts are not RCODEs and live in <see cref="Transport.DnsOutcome"/>.
/// </summary>
public enum DnsRcode : ushort
{
    NoError = 0,
    FormErr = 1,
    ServFail = 2,
    NXDomain = 3,
    NotImp = 4,
    Refused = 5,
    YXDomain = 6,
    YXRRSet = 7,
    NXRRSet = 8,
    NotAuth = 9,
    NotZone = 10,
    DsoTypeNI = 11,
    BadVers = 16,
    BadKey = 17,
    BadTime = 18,
    BadMode = 19,
    BadName = 20,
    BadAlg = 21,
    BadTrunc = 22,
    BadCookie = 23,
}

/// <summary>The TSIG/TKEY error field (RFC 8945 §5.3): 16 here means BADSIG, not BADVERS.</summary>
public enum TsigError : ushort
{
    NoError = 0,
    BadSig = 16,
    BadKey = 17,
    BadTime = 18,
    BadMode = 19,
    BadName = 20,
    BadAlg = 21,
    BadTrunc = 22,
}

/// <summary>Resource record types this library knows by name; any other value is handled as RFC 3597 data.</summary>
public enum DnsType : ushort
{
    A = 1,
    NS = 2,
    CNAME = 5,
    SOA = 6,
    PTR = 12,
    HINFO = 13,
    MX = 15,
    TXT = 16,
    AAAA = 28,
    SRV = 33,
    NAPTR = 35,
    DNAME = 39,
    OPT = 41,
    DS = 43,
    RRSIG = 46,
    NSEC = 47,
    DNSKEY = 48,
    NSEC3 = 50,
    NSEC3PARAM = 51,
    SVCB = 64,
    HTTPS = 65,
    TKEY = 249,
    TSIG = 250,
    IXFR = 251,
    AXFR = 252,
    ANY = 255,
    CAA = 257,
}

public enum DnsClass : ushort
{
    IN = 1,
    CH = 3,
    HS = 4,
    NONE = 254,
    ANY = 255,
}

/// <summary>EDNS option codes (IANA "DNS EDNS0 Option Codes").</summary>
public enum EdnsOptionCode : ushort
{
    Nsid = 3,
    ClientSubnet = 8,
    Cookie = 10,
    Padding = 12,
    ExtendedError = 15,
}
