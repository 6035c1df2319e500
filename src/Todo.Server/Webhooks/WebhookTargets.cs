using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Todo.Server.Webhooks;

/// <summary>A target refused because of where it points (a private address, or a name resolving to one).</summary>
public sealed class WebhookTargetRefusedException(string message) : Exception(message);

/// <summary>
/// The SSRF rule: webhooks post only to http(s) URLs on public addresses. Private, loopback, link-local (cloud metadata at
/// 169.254.169.254 among them), unique-local, multicast, unspecified, shared, reserved and documentation ranges are
/// refused, for IPv4 and IPv6, and IPv4 inside IPv6 (mapped, compatible, NAT64) is judged as the IPv4 it carries. Checked
/// at registration (a literal, or every address the name resolves to) and again at connect time on the address the
/// socket actually reaches (<see cref="ConnectAsync"/>), so a name that later resolves elsewhere (DNS rebinding) is
/// refused too. <c>Webhooks:AllowPrivateTargets</c> turns the address rule off.
/// </summary>
public sealed class WebhookTargets(IOptions<WebhookOptions> options)
{
    public const int MaxUrlLength = 2000;

    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(5);

    private static readonly (IPAddress Network, int Bits)[] RefusedV4 =
    [
        (IPAddress.Parse("0.0.0.0"), 8), // "this network", unspecified
        (IPAddress.Parse("10.0.0.0"), 8),
        (IPAddress.Parse("100.64.0.0"), 10), // shared address space (carrier NAT; some clouds' metadata)
        (IPAddress.Parse("127.0.0.0"), 8),
        (IPAddress.Parse("169.254.0.0"), 16), // link-local, cloud metadata
        (IPAddress.Parse("172.16.0.0"), 12),
        (IPAddress.Parse("192.0.0.0"), 24),
        (IPAddress.Parse("192.0.2.0"), 24),
        (IPAddress.Parse("192.88.99.0"), 24),
        (IPAddress.Parse("192.168.0.0"), 16),
        (IPAddress.Parse("198.18.0.0"), 15),
        (IPAddress.Parse("198.51.100.0"), 24),
        (IPAddress.Parse("203.0.113.0"), 24),
        (IPAddress.Parse("224.0.0.0"), 4), // multicast
        (IPAddress.Parse("240.0.0.0"), 4), // reserved and broadcast
    ];

    private static readonly (IPAddress Network, int Bits)[] RefusedV6 =
    [
        (IPAddress.Parse("::"), 128), // unspecified
        (IPAddress.Parse("::1"), 128), // loopback
        (IPAddress.Parse("100::"), 64), // discard
        (IPAddress.Parse("2001::"), 23), // IETF protocol assignments (Teredo, ORCHID…)
        (IPAddress.Parse("2001:db8::"), 32), // documentation
        (IPAddress.Parse("2002::"), 16), // 6to4
        (IPAddress.Parse("fc00::"), 7), // unique-local (fd00:ec2::254 is a cloud's metadata)
        (IPAddress.Parse("fe80::"), 10), // link-local
        (IPAddress.Parse("fec0::"), 10), // site-local (deprecated)
        (IPAddress.Parse("ff00::"), 8), // multicast
    ];

    private static readonly IPAddress Nat64 = IPAddress.Parse("64:ff9b::");

    public bool AllowPrivate => options.Value.AllowPrivateTargets;

    /// <summary>Whether a webhook may post to <paramref name="address"/> when private targets are not allowed.</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            if (address.IsIPv4MappedToIPv6 || InRange(bytes, Nat64, 96) || IsIPv4Compatible(bytes))
            {
                return IsPublic(new IPAddress(bytes.AsSpan(12)));
            }

            return !RefusedV6.Any(range => InRange(bytes, range.Network, range.Bits));
        }

        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            return false;
        }

        var v4 = address.GetAddressBytes();
        return !RefusedV4.Any(range => InRange(v4, range.Network, range.Bits));
    }

    /// <summary>Why <paramref name="url"/> cannot be a webhook's target; null when it can.</summary>
    public async Task<string?> ProblemAsync(string? url, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "Give the URL to post events to.";
        }

        if (url.Length > MaxUrlLength)
        {
            return $"The URL is longer than {MaxUrlLength} characters.";
        }

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
        {
            return "The URL must be an absolute http or https URL.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "The URL must not carry a user name or password.";
        }

        if (!string.IsNullOrEmpty(uri.Fragment))
        {
            return "The URL must not have a fragment (#…).";
        }

        if (AllowPrivate)
        {
            return null;
        }

        if (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var literal))
        {
            return IsPublic(literal) ? null : $"The URL points to {literal}, a private, loopback or reserved address; webhooks go to public addresses only.";
        }

        IPAddress[] addresses;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ResolveTimeout);
            addresses = await Dns.GetHostAddressesAsync(uri.IdnHost, timeout.Token);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ArgumentException && !cancellationToken.IsCancellationRequested)
        {
            return $"The host {uri.Host} could not be resolved.";
        }

        if (addresses.Length == 0)
        {
            return $"The host {uri.Host} could not be resolved.";
        }

        return addresses.FirstOrDefault(a => !IsPublic(a)) is { } refused
            ? $"The host {uri.Host} resolves to {refused}, a private, loopback or reserved address; webhooks go to public addresses only."
            : null;
    }

    /// <summary>
    /// The HTTP handler's connect step: resolves the host, keeps only the addresses allowed, connects to one of them and
    /// checks the address the socket reached before a byte is sent.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoint = context.DnsEndPoint;
        var addresses = IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        var allowed = AllowPrivate ? addresses : [.. addresses.Where(IsPublic)];
        if (allowed.Length == 0)
        {
            throw new WebhookTargetRefusedException(addresses.Length == 0
                ? $"The host {endpoint.Host} could not be resolved."
                : $"Refused to connect: {endpoint.Host} resolves to {addresses[0]}, a private, loopback or reserved address.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, cancellationToken);
            if (!AllowPrivate && socket.RemoteEndPoint is IPEndPoint reached && !IsPublic(reached.Address))
            {
                throw new WebhookTargetRefusedException($"Refused to connect: {endpoint.Host} reached {reached.Address}, a private, loopback or reserved address.");
            }

            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>::a.b.c.d (deprecated IPv4-compatible form), but not :: and ::1 themselves.</summary>
    private static bool IsIPv4Compatible(byte[] bytes) =>
        InRange(bytes, IPAddress.IPv6Any, 96) && !(bytes[12] == 0 && bytes[13] == 0 && bytes[14] == 0 && bytes[15] <= 1);

    private static bool InRange(byte[] address, IPAddress network, int bits)
    {
        var prefix = network.GetAddressBytes();
        if (prefix.Length != address.Length)
        {
            return false;
        }

        var whole = bits / 8;
        if (!address.AsSpan(0, whole).SequenceEqual(prefix.AsSpan(0, whole)))
        {
            return false;
        }

        var rest = bits % 8;
        if (rest == 0)
        {
            return true;
        }

        var mask = (byte)(0xFF << (8 - rest));
        return (address[whole] & mask) == (prefix[whole] & mask);
    }
}
