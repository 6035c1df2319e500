using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Todo.Server.Webhooks;
using Todo.Tests.Infrastructure;
using static Todo.Tests.Infrastructure.ProblemAssert;

namespace Todo.Tests.Webhooks;

/// <summary>
/// A server on a <see cref="TestClock"/> whose dispatcher loop is off (tests run it with <see cref="WebhookApiSupport.DispatchAsync"/>),
/// private targets allowed, so webhooks can post to a <see cref="WebhookReceiver"/> on loopback.
/// </summary>
public interface IWebhookApi
{
    ApiFixture Api { get; }

    TestClock Clock { get; }

    WebhookReceiver Receiver { get; }
}

internal static class WebhookApiSettings
{
    public const int MaxPerUser = 3;
    public const int MaxAttempts = 3;
    public static readonly TimeSpan BackoffBase = TimeSpan.FromMinutes(1);

    public static IReadOnlyDictionary<string, string?> Loopback => new Dictionary<string, string?>
    {
        ["Webhooks:Enabled"] = "false",
        ["Webhooks:AllowPrivateTargets"] = "true",
        ["Webhooks:MaxPerUser"] = MaxPerUser.ToString(CultureInfo.InvariantCulture),
        ["Webhooks:MaxAttempts"] = MaxAttempts.ToString(CultureInfo.InvariantCulture),
        ["Webhooks:BackoffBase"] = BackoffBase.ToString("c", CultureInfo.InvariantCulture),
        ["Webhooks:Timeout"] = "00:00:05",
        ["Reminders:Enabled"] = "false",
    };
}

public sealed class WebhookSqliteApi : SqliteApi, IWebhookApi
{
    public ApiFixture Api => this;

    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 11, 4, 9, 0, 0, TimeSpan.Zero));

    public WebhookReceiver Receiver { get; } = WebhookReceiver.Start();

    protected override IReadOnlyDictionary<string, string?>? Settings => WebhookApiSettings.Loopback;

    protected override void ConfigureTestServices(IServiceCollection services) => Clock.Use(services);

    protected override void CleanUp()
    {
        Receiver.DisposeAsync().AsTask().GetAwaiter().GetResult();
        base.CleanUp();
    }
}

public sealed class WebhookPostgresApi(PostgresServer server) : PostgresApi(server), IWebhookApi
{
    public ApiFixture Api => this;

    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 11, 4, 9, 0, 0, TimeSpan.Zero));

    public WebhookReceiver Receiver { get; } = WebhookReceiver.Start();

    protected override IReadOnlyDictionary<string, string?>? Settings => WebhookApiSettings.Loopback;

    protected override void ConfigureTestServices(IServiceCollection services) => Clock.Use(services);

    protected override void CleanUp()
    {
        Receiver.DisposeAsync().AsTask().GetAwaiter().GetResult();
        base.CleanUp();
    }
}

internal static class WebhookApiSupport
{
    /// <summary>One round of the dispatcher, as the server's loop would run it at the clock's moment.</summary>
    public static Task<WebhookRound> DispatchAsync(this ApiFixture api) => api.Services.GetRequiredService<WebhookDispatcher>().RunOnceAsync();

    public static async Task<JsonElement> RegisterWebhookAsync(this TestUser user, string url, params string[] events)
    {
        var response = await user.Client.PostAsJsonAsync("/api/webhooks", new { url, events }, ApiFixture.Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await DescribeAsync(response));
        return await response.Content.ReadFromJsonAsync<JsonElement>(ApiFixture.Json);
    }

    public static async Task<Guid> CreateTaskAsync(this TestUser user, string title)
    {
        var response = await user.Client.PostAsJsonAsync("/api/tasks", new { title }, ApiFixture.Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await DescribeAsync(response));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ApiFixture.Json)).GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> DeliveriesAsync(this TestUser user, Guid webhookId, string query = "")
    {
        var response = await user.Client.GetAsync($"/api/webhooks/{webhookId}/deliveries{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await DescribeAsync(response));
        return await response.Content.ReadFromJsonAsync<JsonElement>(ApiFixture.Json);
    }

    public static async Task<List<JsonElement>> DeliveryItemsAsync(this TestUser user, Guid webhookId, string query = "") =>
        [.. (await user.DeliveriesAsync(webhookId, query)).GetProperty("items").EnumerateArray()];

    public static Task<int> StoredWebhookCountAsync(this ApiFixture api) => api.WithDbAsync(db => db.Webhooks.CountAsync());

    /// <summary>The Standard Webhooks check, done here independently of the server's code: HMAC-SHA256 of "id.timestamp.body" keyed by the secret's bytes.</summary>
    public static void AssertSignedWith(string secret, ReceivedWebhook received)
    {
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{received.Id}.{received.Timestamp}.{received.Body}")));
        var signatures = (received.Signature ?? "").Split(' ');
        Assert.Contains("v1," + expected, signatures);
    }
}
