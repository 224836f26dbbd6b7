namespace Bot.Dns.Wire;

/// <summary>Why a message could not be parsed. Parsing never throws anything else.</summary>
public enum DnsParseError
{
    None,
    TooShort,
    Truncated,
    NameTooLong,
    LabelTooLong,
    BadLabelType,
    PointerNotBackwards,
    TooManyPointers,
    RdataLengthMismatch,
    BadRdata,
    DuplicateOpt,
    TrailingData,
}

/// <summary>Thrown by <see cref="DnsMessage.Parse"/> for a malformed message; carries where and why.</summary>
public sealed class DnsParseException : Exception
{
    public DnsParseException(DnsParseError error, int offset)
        : base($"Malformed DNS message: {error} at offset {offset}.")
    {
        Error = error;
        Offset = offset;
    }

    public DnsParseException()
        : this(DnsParseError.TooShort, 0)
    {
    }

    public DnsParseException(string message)
        : base(message)
    {
    }

    public DnsParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DnsParseError Error { get; }

    public int Offset { get; }
}
