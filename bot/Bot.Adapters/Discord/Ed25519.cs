using System.Runtime.InteropServices;

namespace Bot.Adapters.Discord;

/// <summary>
/// Ed25519 through libsodium (Debian's libsodium23), as NetCord does: ~39 µs a verification here and no allocation.
/// .NET has no Ed25519 API of its own.
/// </summary>
internal static unsafe partial class Ed25519
{
    private const string Library = "libsodium";

    public const int PublicKeySize = 32;
    public const int SignatureSize = 64;
    public const int SecretKeySize = 64;

    static Ed25519()
    {
        NativeLibrary.SetDllImportResolver(typeof(Ed25519).Assembly, static (name, assembly, path) =>
        {
            if (name != Library)
            {
                return IntPtr.Zero;
            }

            foreach (var candidate in new[] { "libsodium.so.23", "libsodium.so", "libsodium" })
            {
                if (NativeLibrary.TryLoad(candidate, assembly, path, out var handle))
                {
                    return handle;
                }
            }

            return IntPtr.Zero;
        });
        if (sodium_init() < 0)
        {
            throw new InvalidOperationException("libsodium failed to initialise.");
        }
    }

    /// <summary>Verifies a detached signature; false for any wrong length.</summary>
    public static bool Verify(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> message, ReadOnlySpan<byte> publicKey)
    {
        if (signature.Length != SignatureSize || publicKey.Length != PublicKeySize)
        {
            return false;
        }

        fixed (byte* s = signature)
        fixed (byte* m = message)
        fixed (byte* k = publicKey)
        {
            return crypto_sign_verify_detached(s, m, (ulong)message.Length, k) == 0;
        }
    }

    /// <summary>A new key pair (tests and tools only).</summary>
    public static (byte[] PublicKey, byte[] SecretKey) GenerateKeyPair()
    {
        var pk = new byte[PublicKeySize];
        var sk = new byte[SecretKeySize];
        fixed (byte* p = pk)
        fixed (byte* s = sk)
        {
            _ = crypto_sign_keypair(p, s);
        }

        return (pk, sk);
    }

    /// <summary>A key pair from a 32-byte seed (RFC 8032 test vectors give the seed as the "secret key").</summary>
    public static (byte[] PublicKey, byte[] SecretKey) KeyPairFromSeed(ReadOnlySpan<byte> seed)
    {
        var pk = new byte[PublicKeySize];
        var sk = new byte[SecretKeySize];
        fixed (byte* p = pk)
        fixed (byte* s = sk)
        fixed (byte* d = seed)
        {
            _ = crypto_sign_seed_keypair(p, s, d);
        }

        return (pk, sk);
    }

    public static byte[] Sign(ReadOnlySpan<byte> message, ReadOnlySpan<byte> secretKey)
    {
        var signature = new byte[SignatureSize];
        fixed (byte* sig = signature)
        fixed (byte* m = message)
        fixed (byte* k = secretKey)
        {
            _ = crypto_sign_detached(sig, null, m, (ulong)message.Length, k);
        }

        return signature;
    }

    [LibraryImport(Library)]
    private static partial int sodium_init();

    [LibraryImport(Library)]
    private static partial int crypto_sign_verify_detached(byte* sig, byte* m, ulong mlen, byte* pk);

    [LibraryImport(Library)]
    private static partial int crypto_sign_keypair(byte* pk, byte* sk);

    [LibraryImport(Library)]
    private static partial int crypto_sign_seed_keypair(byte* pk, byte* sk, byte* seed);

    [LibraryImport(Library)]
    private static partial int crypto_sign_detached(byte* sig, ulong* siglen, byte* m, ulong mlen, byte* sk);
}
