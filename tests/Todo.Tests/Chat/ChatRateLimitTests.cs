using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Todo.Server.Http;
using Todo.Tests.Infrastructure;
using static Todo.Tests.Chat.ChatTestSupport;
using static Todo.Tests.Infrastructure.ProblemAssert;

namespace Todo.Tests.Chat;

/// <summary>RateLimiting:ChatPerMinute: one allowance per user for every chat route and the web page's panel.</summary>
public sealed class ChatRateLimitTests(ChatRateLimitTests.LimitedChatApi api) : IClassFixture<ChatRateLimitTests.LimitedChatApi>
{
    private const int PerMinute = 3;

    private IServiceProvider Services => api.Factory.Services;

    [Fact(Timeout = TestTimeout)]
    public async Task TurnsBeyondTheAllowanceAre429WithRetryAfterAndStoreNothing()
    {
        var user = await api.CreateUserAsync();
        var first = await user.ChatOkAsync("add buy milk");
        await user.ChatOkAsync("add buy bread", first.ConversationId);
        await user.Client.ChatOkAsync("what's pending?", first.ConversationId, path: $"/api/{user.Id}/chat");

        var refused = await user.Client.PostChatAsync("add buy eggs", first.ConversationId);
        var refusedOnTheOriginalRoute = await user.Client.PostChatAsync("add buy eggs", path: $"/api/{user.Id}/chat");

        await AssertProblemAsync(refused, 429);
        var retryAfter = Assert.Single(refused.Headers.GetValues("Retry-After"));
        // The real wait: one turn comes back every 60/PerMinute seconds, not at the end of a minute.
        Assert.InRange(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture), 1, 60 / PerMinute);
        await AssertProblemAsync(refusedOnTheOriginalRoute, 429);
        Assert.Equal(6, (await Services.StoredMessagesAsync(first.ConversationId)).Count);
        Assert.Single(await Services.StoredConversationsAsync(user.Id));
        Assert.Equal(["Buy bread", "Buy milk"], (await Services.StoredTasksAsync(user.Id)).Select(t => t.Title).Order());
    }

    [Fact(Timeout = TestTimeout)]
    public async Task EachUserHasAnAllowanceOfTheirOwn()
    {
        var busy = await api.CreateUserAsync();
        var other = await api.CreateUserAsync();
        for (var turn = 0; turn < PerMinute; turn++)
        {
            await busy.ChatOkAsync($"add item {turn}");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await busy.Client.PostChatAsync("add one more")).StatusCode);
        await other.ChatOkAsync("add buy milk");
    }

    [Fact(Timeout = TestTimeout)]
    public async Task TheWebPagesPanelDrawsOnTheSameAllowanceAsTheApi()
    {
        var user = await api.CreateUserAsync();
        for (var turn = 0; turn < PerMinute; turn++)
        {
            await user.ChatOkAsync($"add item {turn}");
        }

        var limiter = Services.GetRequiredService<ChatTurnLimiter>();

        Assert.False(limiter.TryTake(user.Id, out var retryAfter));
        Assert.InRange(retryAfter, TimeSpan.FromTicks(1), TimeSpan.FromMinutes(1));
        Assert.True(limiter.TryTake(Guid.NewGuid(), out _));
    }

    public sealed class LimitedChatApi : SqliteApi
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["RateLimiting:ChatPerMinute"] = PerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
