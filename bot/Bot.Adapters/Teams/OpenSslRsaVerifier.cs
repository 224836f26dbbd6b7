using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Bot.Adapters.Teams;

/// <summary>
/// RS256 (RSASSA-PKCS1-v1_5 with SHA-256) verification for one public key through OpenSSL 3, the library .NET itself
/// uses on Linux, with the verification context set up once per key instead of per call. .NET's <c>RSA.VerifyHash</c>
/// builds a fresh <c>EVP_PKEY_CTX</c> for every call (a provider fetch, padding and digest set-up), which costs about
/// 3.7 µs of its 23 µs here; the modular arithmetic is OpenSSL's either way. Contexts are pooled because one context
/// must not be used by two threads at once. <see cref="TryCreate"/> returns null wherever OpenSSL 3 is not there
/// (other systems, OpenSSL 1.1), and the caller then uses .NET's RSA as before.
/// </summary>
internal sealed unsafe class OpenSslRsaVerifier
{
    private const int RsaPkcs1Padding = 1;
    private const int Sha256Bytes = 32;

    private readonly EvpPkeyHandle _key;
    private readonly ConcurrentBag<EvpPkeyContextHandle> _contexts = [];

    /// <summary>The modulus length in bytes: an RS256 signature is exactly this long.</summary>
    public int SignatureLength { get; }

    private OpenSslRsaVerifier(EvpPkeyHandle key, int signatureLength)
    {
        _key = key;
        SignatureLength = signatureLength;
    }

    public static bool IsAvailable => Native.Functions is not null;

    /// <summary>A verifier for the RSA public key (modulus, exponent), or null when OpenSSL 3 is not available or the key is not usable.</summary>
    public static OpenSslRsaVerifier? TryCreate(byte[] modulus, byte[] exponent)
    {
        if (Native.Functions is not { } f || modulus.Length == 0 || exponent.Length == 0)
        {
            return null;
        }

        byte[] spki;
        try
        {
            using var rsa = RSA.Create(new RSAParameters { Modulus = modulus, Exponent = exponent });
            spki = rsa.ExportSubjectPublicKeyInfo();
        }
        catch (CryptographicException)
        {
            return null;
        }

        fixed (byte* der = spki)
        {
            var cursor = der;
            var key = new EvpPkeyHandle(f.D2iPubkey(null, &cursor, spki.Length), f);
            if (key.IsInvalid)
            {
                f.ErrClearError();
                key.Dispose();
                return null;
            }

            var verifier = new OpenSslRsaVerifier(key, modulus.AsSpan().TrimStart((byte)0).Length);
            // One context now: a key OpenSSL cannot set up for PKCS#1 v1.5 with SHA-256 is refused here, not per call.
            var context = verifier.NewContext();
            if (context is null)
            {
                key.Dispose();
                return null;
            }

            verifier._contexts.Add(context);
            return verifier;
        }
    }

    /// <summary>True when <paramref name="signature"/> is a valid RS256 signature of <paramref name="data"/> under this key.</summary>
    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        var f = Native.Functions!;
        if (signature.Length != SignatureLength)
        {
            return false;
        }

        Span<byte> hash = stackalloc byte[Sha256Bytes];
        SHA256.HashData(data, hash);
        if (!_contexts.TryTake(out var context))
        {
            context = NewContext();
            if (context is null)
            {
                return false;
            }
        }

        int result;
        fixed (byte* s = signature)
        fixed (byte* h = hash)
        {
            result = f.Verify(context.DangerousGetHandle(), s, (nuint)signature.Length, h, Sha256Bytes);
        }

        GC.KeepAlive(context);
        if (result != 1)
        {
            // A failed check leaves entries in the thread's OpenSSL error queue; .NET's own calls must not see them.
            f.ErrClearError();
        }

        _contexts.Add(context);
        return result == 1;
    }

    private EvpPkeyContextHandle? NewContext()
    {
        var f = Native.Functions!;
        var context = new EvpPkeyContextHandle(f.CtxNew(_key.DangerousGetHandle(), IntPtr.Zero), f);
        GC.KeepAlive(_key);
        if (context.IsInvalid
            || f.VerifyInit(context.DangerousGetHandle()) != 1
            || f.SetRsaPadding(context.DangerousGetHandle(), RsaPkcs1Padding) != 1
            || f.SetSignatureMd(context.DangerousGetHandle(), f.Sha256()) != 1)
        {
            f.ErrClearError();
            context.Dispose();
            return null;
        }

        return context;
    }

    private sealed class EvpPkeyHandle(IntPtr handle, Native f) : SafeHandle(handle, ownsHandle: true)
    {
        public override bool IsInvalid => handle == IntPtr.Zero;

        protected override bool ReleaseHandle()
        {
            f.PkeyFree(handle);
            return true;
        }
    }

    private sealed class EvpPkeyContextHandle(IntPtr handle, Native f) : SafeHandle(handle, ownsHandle: true)
    {
        public override bool IsInvalid => handle == IntPtr.Zero;

        protected override bool ReleaseHandle()
        {
            f.CtxFree(handle);
            return true;
        }
    }

    /// <summary>The OpenSSL 3 functions used, looked up once; null when any is missing.</summary>
    private sealed class Native
    {
        public static readonly Native? Functions = Load();

        public required delegate* unmanaged<void*, byte**, long, IntPtr> D2iPubkey { get; init; }
        public required delegate* unmanaged<IntPtr, IntPtr, IntPtr> CtxNew { get; init; }
        public required delegate* unmanaged<IntPtr, void> CtxFree { get; init; }
        public required delegate* unmanaged<IntPtr, void> PkeyFree { get; init; }
        public required delegate* unmanaged<IntPtr, int> VerifyInit { get; init; }
        public required delegate* unmanaged<IntPtr, int, int> SetRsaPadding { get; init; }
        public required delegate* unmanaged<IntPtr, IntPtr, int> SetSignatureMd { get; init; }
        public required delegate* unmanaged<IntPtr> Sha256 { get; init; }
        public required delegate* unmanaged<IntPtr, byte*, nuint, byte*, nuint, int> Verify { get; init; }
        public required delegate* unmanaged<void> ErrClearError { get; init; }

        private static Native? Load()
        {
            if (!OperatingSystem.IsLinux() || !NativeLibrary.TryLoad("libcrypto.so.3", out var library))
            {
                return null;
            }

            IntPtr Get(string name) => NativeLibrary.TryGetExport(library, name, out var address) ? address : IntPtr.Zero;
            IntPtr[] addresses =
            [
                Get("d2i_PUBKEY"), Get("EVP_PKEY_CTX_new"), Get("EVP_PKEY_CTX_free"), Get("EVP_PKEY_free"),
                Get("EVP_PKEY_verify_init"), Get("EVP_PKEY_CTX_set_rsa_padding"), Get("EVP_PKEY_CTX_set_signature_md"),
                Get("EVP_sha256"), Get("EVP_PKEY_verify"), Get("ERR_clear_error"),
            ];
            if (addresses.Contains(IntPtr.Zero))
            {
                return null;
            }

            return new Native
            {
                D2iPubkey = (delegate* unmanaged<void*, byte**, long, IntPtr>)addresses[0],
                CtxNew = (delegate* unmanaged<IntPtr, IntPtr, IntPtr>)addresses[1],
                CtxFree = (delegate* unmanaged<IntPtr, void>)addresses[2],
                PkeyFree = (delegate* unmanaged<IntPtr, void>)addresses[3],
                VerifyInit = (delegate* unmanaged<IntPtr, int>)addresses[4],
                SetRsaPadding = (delegate* unmanaged<IntPtr, int, int>)addresses[5],
                SetSignatureMd = (delegate* unmanaged<IntPtr, IntPtr, int>)addresses[6],
                Sha256 = (delegate* unmanaged<IntPtr>)addresses[7],
                Verify = (delegate* unmanaged<IntPtr, byte*, nuint, byte*, nuint, int>)addresses[8],
                ErrClearError = (delegate* unmanaged<void>)addresses[9],
            };
        }
    }
}
