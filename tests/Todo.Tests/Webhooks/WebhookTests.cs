using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Todo.Tests.Infrastructure;
using static Todo.Tests.Infrastructure.ProblemAssert;
using static Todo.Tests.Webhooks.WebhookApiSupport;

namespace Todo.Tests.Webhooks;

/// <summary>
/// Webhooks end to end on each provider: registration, signed deliveries to a receiver on loopback, retries with the same
/// message id, no duplicate after a 2xx, redirects not followed, the events filter, the delivery log, limits, bad input and
/// isolation between users. Each test has a receiver path of its own, since the fixture's clock and receiver are shared.
/// </summary>
public abstract class WebhookTests(IWebhookApi fixture)
{
    private readonly ApiFixture api = fixture.Api;
    private readonly WebhookReceiver receiver = fixture.Receiver;

    private static readonly string[] AllEvents = ["*"];

    private static string NewPath() => $"/hook-{Guid.NewGuid():N}";

    [Fact]
    public async Task ATaskChangeIsDeliveredSignedWithTheSecretAndOnlyChangesAfterRegistration()
    {
        var user = await api.CreateUserAsync();
        await user.CreateTaskAsync("Before the webhook");
        var path = NewPath();

        var webhook = await user.RegisterWebhookAsync(receiver.Url(path), "*");
        var secret = webhook.GetProperty("secret").GetString()!;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.True(Convert.FromBase64String(secret["whsec_".Length..]).Length >= 24);
        Assert.Equal(receiver.Url(path), webhook.GetProperty("url").GetString());
        Assert.Equal(["*"], webhook.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        var taskId = await user.CreateTaskAsync("Buy milk");

        var round = await api.DispatchAsync();

        Assert.True(round.Delivered >= 1);
        var received = Assert.Single(receiver.At(path));
        AssertSignedWith(secret, received);
        Assert.StartsWith("msg_", received.Id, StringComparison.Ordinal);
        Assert.Equal(fixture.Clock.Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), received.Timestamp);
        Assert.Equal("application/json", received.ContentType?.Split(';')[0]);
        var body = JsonDocument.Parse(received.Body).RootElement;
        Assert.Equal("task.created", body.GetProperty("type").GetString());
        var data = body.GetProperty("data");
        Assert.Equal("created", data.GetProperty("kind").GetString());
        Assert.Equal("api", data.GetProperty("source").GetString());
        Assert.Equal(taskId, data.GetProperty("task").GetProperty("id").GetGuid());
        Assert.Equal("Buy milk", data.GetProperty("task").GetProperty("title").GetString());
        Assert.Equal(data.GetProperty("at").GetDateTime(), body.GetProperty("timestamp").GetDateTime());

        // The data is the activity API's own event.
        var activity = await user.Client.GetFromJsonAsync<JsonElement>("/api/activity?limit=1", ApiFixture.Json);
        var latest = activity.GetProperty("items")[0];
        Assert.Equal(latest.GetProperty("id").GetInt64(), data.GetProperty("id").GetInt64());
        Assert.Equal(latest.GetProperty("batch_id").GetGuid(), data.GetProperty("batch_id").GetGuid());

        var delivery = Assert.Single(await user.DeliveryItemsAsync(webhook.GetProperty("id").GetGuid()));
        Assert.Equal(received.Id, "msg_" + delivery.GetProperty("id").GetGuid().ToString("N"));
        Assert.Equal(data.GetProperty("id").GetInt64(), delivery.GetProperty("event_id").GetInt64());
        Assert.Equal("task.created", delivery.GetProperty("type").GetString());
        Assert.Equal("delivered", delivery.GetProperty("status").GetString());
        Assert.Equal(1, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal(200, delivery.GetProperty("status_code").GetInt32());
        Assert.Equal(JsonValueKind.Null, delivery.GetProperty("error").ValueKind);
        Assert.Equal(JsonValueKind.Null, delivery.GetProperty("next_attempt_at").ValueKind);
        Assert.Equal(fixture.Clock.Now.UtcDateTime, delivery.GetProperty("delivered_at").GetDateTime());
    }

    [Fact]
    public async Task AFailedDeliveryIsRetriedAfterTheBackoffWithTheSameIdAndNeverAgainOnceAcknowledged()
    {
        var user = await api.CreateUserAsync();
        var path = NewPath();
        receiver.Answer(path, 500);
        var webhook = await user.RegisterWebhookAsync(receiver.Url(path), "task.created");
        var secret = webhook.GetProperty("secret").GetString()!;
        var webhookId = webhook.GetProperty("id").GetGuid();
        await user.CreateTaskAsync("Call the plumber");

        await api.DispatchAsync();

        var first = Assert.Single(receiver.At(path));
        var failed = Assert.Single(await user.DeliveryItemsAsync(webhookId));
        Assert.Equal(("pending", 1, 500), (failed.GetProperty("status").GetString(), failed.GetProperty("attempts").GetInt32(), failed.GetProperty("status_code").GetInt32()));
        Assert.Contains("500", failed.GetProperty("error").GetString(), StringComparison.Ordinal);
        var next = failed.GetProperty("next_attempt_at").GetDateTime();
        Assert.InRange(next, fixture.Clock.Now.UtcDateTime.Add(WebhookApiSettings.BackoffBase * 0.79), fixture.Clock.Now.UtcDateTime.Add(WebhookApiSettings.BackoffBase));

        await api.DispatchAsync(); // not due yet
        Assert.Single(receiver.At(path));

        fixture.Clock.Now = fixture.Clock.Now.Add(WebhookApiSettings.BackoffBase);
        await api.DispatchAsync();

        Assert.Equal(2, receiver.At(path).Count);
        var second = receiver.At(path)[1];
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.Body, second.Body);
        Assert.NotEqual(first.Timestamp, second.Timestamp);
        AssertSignedWith(secret, first);
        AssertSignedWith(secret, second);
        var delivered = Assert.Single(await user.DeliveryItemsAsync(webhookId));
        Assert.Equal(("delivered", 2, 200), (delivered.GetProperty("status").GetString(), delivered.GetProperty("attempts").GetInt32(), delivered.GetProperty("status_code").GetInt32()));

        for (var i = 0; i < 3; i++)
        {
            fixture.Clock.Now = fixture.Clock.Now.AddHours(3);
            await api.DispatchAsync();
        }

        Assert.Equal(2, receiver.At(path).Count);
    }

    [Fact]
    public async Task ADeliveryFailingEveryAttemptIsMarkedFailedAndSentNoMore()
    {
        var user = await api.CreateUserAsync();
        var path = NewPath();
        receiver.Answer(path, 503, 503, 503, 503, 503, 503);
        var webhookId = (await user.RegisterWebhookAsync(receiver.Url(path), "*")).GetProperty("id").GetGuid();
        await user.CreateTaskAsync("Renew passport");

        for (var i = 0; i < WebhookApiSettings.MaxAttempts + 2; i++)
        {
            await api.DispatchAsync();
            fixture.Clock.Now = fixture.Clock.Now.AddHours(3);
        }

        Assert.Equal(WebhookApiSettings.MaxAttempts, receiver.At(path).Count);
        Assert.Single(receiver.At(path).Select(r => r.Id).Distinct());
        var delivery = Assert.Single(await user.DeliveryItemsAsync(webhookId));
        Assert.Equal("failed", delivery.GetProperty("status").GetString());
        Assert.Equal(WebhookApiSettings.MaxAttempts, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal(503, delivery.GetProperty("status_code").GetInt32());
        Assert.Equal(JsonValueKind.Null, delivery.GetProperty("next_attempt_at").ValueKind);
        Assert.Equal(JsonValueKind.Null, delivery.GetProperty("delivered_at").ValueKind);
    }

    [Fact]
    public async Task ARedirectIsNotFollowedAndCountsAsAFailedAttempt()
    {
        var user = await api.CreateUserAsync();
        var target = NewPath();
        var webhookId = (await user.RegisterWebhookAsync(receiver.Url("/redirect" + target), "*")).GetProperty("id").GetGuid();
        await user.CreateTaskAsync("Water the plants");

        await api.DispatchAsync();

        Assert.Single(receiver.At("/redirect" + target));
        Assert.Empty(receiver.At(target));
        var delivery = Assert.Single(await user.DeliveryItemsAsync(webhookId));
        Assert.Equal(("pending", 1, 302), (delivery.GetProperty("status").GetString(), delivery.GetProperty("attempts").GetInt32(), delivery.GetProperty("status_code").GetInt32()));
        Assert.Contains("Redirect", delivery.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWebhookForCompletedTasksGetsNoOtherEvents()
    {
        var user = await api.CreateUserAsync();
        var path = NewPath();
        var webhookId = (await user.RegisterWebhookAsync(receiver.Url(path), "task.completed")).GetProperty("id").GetGuid();
        var taskId = await user.CreateTaskAsync("File taxes");
        var patch = await user.Client.PatchAsJsonAsync($"/api/tasks/{taskId}", new { title = "File the taxes" }, ApiFixture.Json);
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.Client.PatchAsync($"/api/tasks/{taskId}/complete", null)).StatusCode);

        await api.DispatchAsync();

        var received = Assert.Single(receiver.At(path));
        var body = JsonDocument.Parse(received.Body).RootElement;
        Assert.Equal("task.completed", body.GetProperty("type").GetString());
        Assert.Equal("completed", body.GetProperty("data").GetProperty("kind").GetString());
        Assert.Equal("task.completed", Assert.Single(await user.DeliveryItemsAsync(webhookId)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task TwoDispatchersAtOnceSendEachEventOnce()
    {
        var user = await api.CreateUserAsync();
        var path = NewPath();
        await user.RegisterWebhookAsync(receiver.Url(path), "*");
        for (var i = 0; i < 5; i++)
        {
            await user.CreateTaskAsync($"Task {i}");
        }

        await Task.WhenAll(api.DispatchAsync(), api.DispatchAsync(), api.DispatchAsync());

        var received = receiver.At(path);
        Assert.Equal(5, received.Count);
        Assert.Equal(5, received.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public async Task TheListShowsNoSecretAndTheDeliveryLogIsPagedNewestFirst()
    {
        var user = await api.CreateUserAsync();
        var path = NewPath();
        var webhookId = (await user.RegisterWebhookAsync(receiver.Url(path), "task.created", "task.completed", "task.created")).GetProperty("id").GetGuid();

        var list = await user.Client.GetStringAsync("/api/webhooks");
        Assert.DoesNotContain("secret", list, StringComparison.Ordinal);
        var item = Assert.Single(JsonDocument.Parse(list).RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(webhookId, item.GetProperty("id").GetGuid());
        Assert.Equal(["task.created", "task.completed"], item.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        var one = await user.Client.GetStringAsync($"/api/webhooks/{webhookId}");
        Assert.DoesNotContain("secret", one, StringComparison.Ordinal);
        Assert.Equal(receiver.Url(path), JsonDocument.Parse(one).RootElement.GetProperty("url").GetString());

        for (var i = 0; i < 3; i++)
        {
            await user.CreateTaskAsync($"Errand {i}");
        }

        await api.DispatchAsync();

        var first = await user.DeliveriesAsync(webhookId, "?limit=2");
        var firstItems = first.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, firstItems.Count);
        var cursor = first.GetProperty("next_cursor").GetString();
        var second = await user.DeliveriesAsync(webhookId, "?limit=2&cursor=" + Uri.EscapeDataString(cursor!));
        var secondItems = second.GetProperty("items").EnumerateArray().ToList();
        Assert.Single(secondItems);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next_cursor").ValueKind);
        var ids = firstItems.Concat(secondItems).Select(d => d.GetProperty("event_id").GetInt64()).ToList();
        Assert.Equal(ids.OrderDescending(), ids);
        Assert.Equal(3, ids.Distinct().Count());

        await AssertValidationProblemAsync(await user.Client.GetAsync($"/api/webhooks/{webhookId}/deliveries?cursor=nonsense"), "cursor");
        await AssertValidationProblemAsync(await user.Client.GetAsync($"/api/webhooks/{webhookId}/deliveries?limit=0"), "limit");
    }

    [Fact]
    public async Task AnotherUsersWebhooksAreInvisibleAndUntouchable()
    {
        var owner = await api.CreateUserAsync();
        var other = await api.CreateUserAsync();
        var webhookId = (await owner.RegisterWebhookAsync(receiver.Url(NewPath()), "*")).GetProperty("id").GetGuid();

        var list = await other.Client.GetFromJsonAsync<JsonElement>("/api/webhooks", ApiFixture.Json);
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
        await AssertProblemAsync(await other.Client.GetAsync($"/api/webhooks/{webhookId}"), 404);
        await AssertProblemAsync(await other.Client.GetAsync($"/api/webhooks/{webhookId}/deliveries"), 404);
        await AssertProblemAsync(await other.Client.DeleteAsync($"/api/webhooks/{webhookId}"), 404);

        Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync($"/api/webhooks/{webhookId}")).StatusCode);
    }

    [Fact]
    public async Task ADeletedWebhookIsSentNothingMore()
    {
        var user = await api.CreateUserAsync();
        var path = NewPath();
        var webhookId = (await user.RegisterWebhookAsync(receiver.Url(path), "*")).GetProperty("id").GetGuid();
        await user.CreateTaskAsync("Sell the bike");
        await api.Services.GetRequiredService<Todo.Server.Webhooks.WebhookDispatcher>().EnqueueAsync(); // a delivery waits

        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"/api/webhooks/{webhookId}")).StatusCode);
        await api.DispatchAsync();

        Assert.Empty(receiver.At(path));
        await AssertProblemAsync(await user.Client.GetAsync($"/api/webhooks/{webhookId}"), 404);
        await AssertProblemAsync(await user.Client.DeleteAsync($"/api/webhooks/{webhookId}"), 404);
        Assert.Equal(0, await api.WithDbAsync(db => db.WebhookDeliveries.CountAsync(d => d.WebhookId == webhookId)));
    }

    [Fact]
    public async Task BadInputIsRefusedNamingTheFieldAndWritesNothing()
    {
        var user = await api.CreateUserAsync();
        var url = receiver.Url(NewPath());
        (object Body, string Field)[] cases =
        [
            (new { url = "ftp://example.com/hook", events = new[] { "*" } }, "url"),
            (new { url = "not a url", events = new[] { "*" } }, "url"),
            (new { url = "/relative", events = new[] { "*" } }, "url"),
            (new { url = "http://user:pass@example.com/hook", events = new[] { "*" } }, "url"),
            (new { url = receiver.Url("/" + new string('a', 2000)), events = new[] { "*" } }, "url"),
            (new { url = (string?)null, events = new[] { "*" } }, "url"),
            (new { url, events = Array.Empty<string>() }, "events"),
            (new { url, events = (string[]?)null }, "events"),
            (new { url, events = new[] { "task.exploded" } }, "events"),
            (new { url, events = new[] { "created" } }, "events"),
        ];

        foreach (var (body, field) in cases)
        {
            await AssertValidationProblemAsync(await user.Client.PostAsJsonAsync("/api/webhooks", body, ApiFixture.Json), field);
        }

        var malformed = await user.Client.PostAsync("/api/webhooks", new StringContent("{\"url\": 5", System.Text.Encoding.UTF8, "application/json"));
        await AssertProblemAsync(malformed, 400);
        Assert.Equal(0, await api.WithDbAsync(db => db.Webhooks.CountAsync(w => w.UserId == user.Id)));
    }

    [Fact]
    public async Task AUserHasAtMostTheConfiguredNumberOfWebhooks()
    {
        var user = await api.CreateUserAsync();
        for (var i = 0; i < WebhookApiSettings.MaxPerUser; i++)
        {
            await user.RegisterWebhookAsync(receiver.Url(NewPath()), "*");
        }

        var refused = await user.Client.PostAsJsonAsync("/api/webhooks", new { url = receiver.Url(NewPath()), events = AllEvents }, ApiFixture.Json);

        var problem = await AssertProblemAsync(refused, 409);
        Assert.Contains(WebhookApiSettings.MaxPerUser.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(WebhookApiSettings.MaxPerUser, await api.WithDbAsync(db => db.Webhooks.CountAsync(w => w.UserId == user.Id)));
    }

    [Fact]
    public async Task TheSecretIsStoredProtectedNotInPlainText()
    {
        var user = await api.CreateUserAsync();
        var webhook = await user.RegisterWebhookAsync(receiver.Url(NewPath()), "*");
        var secret = webhook.GetProperty("secret").GetString()!;
        var id = webhook.GetProperty("id").GetGuid();

        var stored = await api.WithDbAsync(db => db.Webhooks.Where(w => w.Id == id).Select(w => w.ProtectedSecret).SingleAsync());

        Assert.DoesNotContain(secret["whsec_".Length..], stored, StringComparison.Ordinal);
        Assert.Equal(secret, api.Services.GetRequiredService<Todo.Server.Webhooks.WebhookSecrets>().Unprotect(stored));
    }
}

public sealed class SqliteWebhookTests(WebhookSqliteApi api) : WebhookTests(api), IClassFixture<WebhookSqliteApi>;

public sealed class PostgresWebhookTests(WebhookPostgresApi api) : WebhookTests(api), IClassFixture<WebhookPostgresApi>;
