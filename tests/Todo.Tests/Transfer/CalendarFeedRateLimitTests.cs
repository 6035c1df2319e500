using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Todo.Tests.Infrastructure;
using static Todo.Tests.Infrastructure.ProblemAssert;

namespace Todo.Tests.Transfer;

/// <summary>The anonymous calendar feed is rate-limited per client address, as the sign-in routes are.</summary>
public sealed class CalendarFeedRateLimitTests(CalendarFeedRateLimitTests.LimitedApi api) : IClassFixture<CalendarFeedRateLimitTests.LimitedApi>
{
    public sealed class LimitedApi : SqliteApi
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["RateLimiting:CalendarFeedPerMinute"] = "2",
        };
    }

    [Fact]
    public async Task FeedReadsPastTheLimitAre429WithRetryAfter()
    {
        var user = await api.CreateUserAsync();
        var created = await user.Client.PostAsync("/api/calendar-feed", null);
        var url = new Uri((await created.Content.ReadFromJsonAsync<JsonElement>(ApiFixture.Json)).GetProperty("url").GetString()!);
        var anonymous = api.CreateClient();

        var first = await anonymous.GetAsync(url.PathAndQuery);
        var second = await anonymous.GetAsync("/calendar/guessing.ics");
        var third = await anonymous.GetAsync(url.PathAndQuery);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound), (first.StatusCode, second.StatusCode)); // guesses count too
        await AssertProblemAsync(third, 429);
        Assert.True(third.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }
}
