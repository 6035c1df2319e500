using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Todo.Tests.Infrastructure;
using static Todo.Tests.Infrastructure.ProblemAssert;
using static Todo.Tests.Tasks.TaskTestSupport;

namespace Todo.Tests.Hardening;

/// <summary>
/// Unicode that must work (emoji at a cut, decomposed accents, look-alike emails), answers that say no more than
/// they should (the bearer challenge) or say it plainly (an empty body), and the assistant staying on the caller's
/// own tasks — on both databases.
/// </summary>
public abstract class HardenedHttpTests(ApiFixture api)
{
    private const string Family = "👨‍👩‍👧‍👦";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FirstMessageWithAnEmojiAtTheTitleCutStartsAConversation()
    {
        var user = await api.CreateUserAsync();
        var message = "add " + new string('a', 44) + Family + "😀 remember the rest of this";

        var response = await user.Client.PostAsJsonAsync("/api/chat", new { message }, ApiFixture.Json, Cancellation);

        response.EnsureSuccessStatusCode();
        var conversations = await user.Client.GetFromJsonAsync<JsonElement>("/api/conversations", ApiFixture.Json, Cancellation);
        var title = conversations.GetProperty("items")[0].GetProperty("title").GetString()!;
        Assert.Equal("add " + new string('a', 44) + "…", title);
        var stored = await api.WithDbAsync(db => db.Messages.AsNoTracking().Select(m => m.Content).ToListAsync(Cancellation));
        Assert.Contains(message, stored);
    }

    [Fact]
    public async Task TitlesOfEmojiAndDecomposedAccentsAreStoredWhole()
    {
        var user = await api.CreateUserAsync();
        var emoji = string.Concat(Enumerable.Repeat("😀", 100));
        var decomposed = string.Concat(Enumerable.Repeat("e\u0301", 100));

        var first = await user.CreateTaskAsync(emoji);
        var second = await user.CreateTaskAsync(decomposed);

        Assert.Equal(emoji, first.Title);
        Assert.Equal(string.Concat(Enumerable.Repeat("é", 100)), second.Title);
        Assert.Equal([emoji, second.Title], (await api.StoredTasksAsync(user.Id)).Select(t => t.Title));
    }

    [Fact]
    public async Task LookAlikeEmailIsTheSameAccount()
    {
        var local = $"alice{Guid.NewGuid():N}";
        var user = await api.CreateUserAsync($"{local}@example.com");
        using var client = api.CreateClient();
        var fullwidthA = "ａ" + local[1..];

        var register = await client.PostAsJsonAsync("/api/auth/register", new { email = $"{fullwidthA}@EXAMPLE.com", password = "another password" }, ApiFixture.Json, Cancellation);
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = $"{fullwidthA.ToUpperInvariant()}@example.com", password = user.Password }, ApiFixture.Json, Cancellation);

        await AssertProblemAsync(register, 409);
        login.EnsureSuccessStatusCode();
        var body = await login.Content.ReadFromJsonAsync<JsonElement>(ApiFixture.Json, Cancellation);
        Assert.Equal(user.Id, body.GetProperty("user").GetProperty("id").GetGuid());
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    public async Task EmptyOrNullBodyIsExplainedInPlainWords(string body)
    {
        using var client = api.CreateClient();

        var response = await client.PostAsync("/api/auth/register", new StringContent(body, Encoding.UTF8, "application/json"), Cancellation);

        var problem = await AssertProblemAsync(response, 400);
        Assert.Equal("The request body is empty or null; send a JSON object with the fields this route takes.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task PasswordOfSpacesGetsAMessageAPersonUnderstands()
    {
        using var client = api.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/register", new { email = $"{Guid.NewGuid():N}@example.com", password = "           " }, ApiFixture.Json, Cancellation);

        await AssertValidationProblemAsync(response, "password");
        var problem = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(
            "The password must contain visible characters, not only spaces, invisible or formatting characters.",
            problem.GetProperty("errors").GetProperty("password")[0].GetString());
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")]
    public async Task BearerChallengeDoesNotSayWhyATokenFailed(string token)
    {
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await client.GetAsync("/api/tasks", Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).ToString());
    }

    [Theory]
    [InlineData("show bob@example.com's tasks")]
    [InlineData("what's on bob@example.com's list?")]
    [InlineData("add a task for bob@example.com: buy milk")]
    [InlineData("list the tasks of bob@example.com")]
    [InlineData("delete task 1 for bob@example.com")]
    [InlineData("show me someone else's tasks")]
    [InlineData("what are other users' todos")]
    public async Task AssistantAskedAboutAnotherAccountSaysItWorksOnlyOnTheCallersTasks(string message)
    {
        var bob = await api.CreateUserAsync($"bob{Guid.NewGuid():N}@example.com");
        await bob.CreateTaskAsync("Bob's own task");
        var user = await api.CreateUserAsync();
        await user.CreateTaskAsync("Mine");
        var message2 = message.Replace("bob@example.com", bob.Email, StringComparison.Ordinal);

        var response = await user.Client.PostAsJsonAsync("/api/chat", new { message = message2 }, ApiFixture.Json, Cancellation);

        response.EnsureSuccessStatusCode();
        var turn = await response.Content.ReadFromJsonAsync<JsonElement>(ApiFixture.Json, Cancellation);
        Assert.Contains("only work on your own tasks", turn.GetProperty("response").GetString(), StringComparison.Ordinal);
        Assert.Empty(turn.GetProperty("tool_calls").EnumerateArray());
        Assert.Equal(["Bob's own task"], (await api.StoredTasksAsync(bob.Id)).Select(t => t.Title));
        Assert.Equal(["Mine"], (await api.StoredTasksAsync(user.Id)).Select(t => t.Title));
    }

    [Theory]
    [InlineData("add a task to email bob@example.com about the invoice", "Email bob@example.com about the invoice")]
    [InlineData("remind me to call bob@example.com", "Call bob@example.com")]
    public async Task AnEmailInATaskOfTheCallersOwnIsNotAnotherAccount(string message, string title)
    {
        var user = await api.CreateUserAsync();

        var response = await user.Client.PostAsJsonAsync("/api/chat", new { message }, ApiFixture.Json, Cancellation);

        response.EnsureSuccessStatusCode();
        Assert.Equal([title], (await api.StoredTasksAsync(user.Id)).Select(t => t.Title));
    }
}

public sealed class SqliteHardenedHttpTests(SqliteApi api) : HardenedHttpTests(api), IClassFixture<SqliteApi>;

public sealed class PostgresHardenedHttpTests(PostgresApi api) : HardenedHttpTests(api), IClassFixture<PostgresApi>;
