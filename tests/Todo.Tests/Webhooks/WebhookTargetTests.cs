using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Todo.Server.Webhooks;
using Todo.Tests.Infrastructure;
using static Todo.Tests.Infrastructure.ProblemAssert;
using static Todo.Tests.Webhooks.WebhookApiSupport;

namespace Todo.Tests.Webhooks;

/// <summary>The address rule on its own: which addresses a webhook may post to when private targets are not allowed.</summary>
public sealed class WebhookAddressTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.0.9")]
    [InlineData("10.0.0.1")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.100.100.200")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("fd00:ec2::254")]
    [InlineData("fc00::5")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::127.0.0.1")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("2001:db8::1")]
    public void PrivateLoopbackLinkLocalAndReservedAddressesAreRefused(string address) =>
        Assert.False(WebhookTargets.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:93.184.216.34")]
    [InlineData("64:ff9b::808:808")]
    public void PublicAddressesAreAllowed(string address) =>
        Assert.True(WebhookTargets.IsPublic(IPAddress.Parse(address)));
}

/// <summary>A server with the default rule (private targets refused) and a receiver on loopback it must not reach.</summary>
public sealed class GuardedWebhookApi : SqliteApi
{
    public WebhookReceiver Receiver { get; } = WebhookReceiver.Start();

    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Webhooks:Enabled"] = "false",
        ["Reminders:Enabled"] = "false",
    };

    protected override void CleanUp()
    {
        Receiver.DisposeAsync().AsTask().GetAwaiter().GetResult();
        base.CleanUp();
    }
}

/// <summary>The SSRF rule over HTTP: refused at registration (literal addresses and names resolving to them) and at connect time.</summary>
public sealed class WebhookTargetTests(GuardedWebhookApi api) : IClassFixture<GuardedWebhookApi>
{
    private static readonly string[] AllEvents = ["*"];

    [Theory]
    [InlineData("http://127.0.0.1/hook")]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://172.16.5.4/hook")]
    [InlineData("http://192.168.0.10/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://0.0.0.0/hook")]
    [InlineData("https://[::1]/hook")]
    [InlineData("http://[fe80::1]/hook")]
    [InlineData("http://[fd00::1]/hook")]
    [InlineData("http://[::ffff:127.0.0.1]/hook")]
    [InlineData("http://[::ffff:a9fe:a9fe]/hook")]
    [InlineData("http://[::]/hook")]
    [InlineData("http://224.0.0.1/hook")]
    [InlineData("http://2130706433/hook")]
    public async Task PrivateTargetsAreRefusedAtRegistration(string url)
    {
        var user = await api.CreateUserAsync();

        var response = await user.Client.PostAsJsonAsync("/api/webhooks", new { url, events = AllEvents }, ApiFixture.Json);

        await AssertValidationProblemAsync(response, "url");
        Assert.Equal(0, await api.WithDbAsync(db => db.Webhooks.CountAsync(w => w.UserId == user.Id)));
    }

    [Fact]
    public async Task APublicAddressIsAccepted()
    {
        var user = await api.CreateUserAsync();

        var webhook = await user.RegisterWebhookAsync("https://93.184.216.34/hooks/todo", "task.created");

        Assert.Equal("https://93.184.216.34/hooks/todo", webhook.GetProperty("url").GetString());
    }

    [Fact]
    public async Task AHostThatResolvesToLoopbackWhenSentIsRefusedAtConnectTime()
    {
        // Registered while it pointed to a public address; by the time it is sent, its name resolves to loopback (DNS rebinding).
        var user = await api.CreateUserAsync();
        var webhookId = (await user.RegisterWebhookAsync("http://93.184.216.34/hook", "*")).GetProperty("id").GetGuid();
        var rebound = $"http://localhost:{api.Receiver.Port}/rebound";
        await api.WithDbAsync(db => db.Webhooks.Where(w => w.Id == webhookId).ExecuteUpdateAsync(set => set.SetProperty(w => w.Url, rebound)));
        await user.CreateTaskAsync("Rotate the keys");

        await api.DispatchAsync();

        Assert.Empty(api.Receiver.Received);
        var delivery = Assert.Single(await user.DeliveryItemsAsync(webhookId));
        Assert.Equal("pending", delivery.GetProperty("status").GetString());
        Assert.Equal(1, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, delivery.GetProperty("status_code").ValueKind);
        Assert.Contains("Refused to connect: localhost", delivery.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheWebhookClientRefusesALoopbackAddressItIsGivenDirectly()
    {
        var client = api.Services.GetRequiredService<IHttpClientFactory>().CreateClient(WebhookDispatcher.HttpClientName);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(api.Receiver.Url("/direct")));

        Assert.IsType<WebhookTargetRefusedException>(refused.InnerException);
        Assert.Empty(api.Receiver.Received);
    }
}
