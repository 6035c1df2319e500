using Todo.Client;
using Todo.Client.Models;

namespace Todo.Clients.Tests;

/// <summary>The Kiota-generated C# client (clients/csharp/Todo.Client) against the real server.</summary>
public sealed class CSharpClientTests(TodoServer server)
{
    private const string Password = "correct horse battery";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignsUpSignsInAndManagesTasksPageByPage()
    {
        var (client, email) = await SignedInClientAsync();

        var me = await client.Api.Auth.Me.GetAsync(cancellationToken: Cancellation);
        Assert.Equal(email, me!.Email);

        string[] titles = ["First", "Second", "Third"];
        var created = new List<TaskDto>();
        foreach (var title in titles)
        {
            created.Add((await client.Api.Tasks.PostAsync(
                new CreateTaskRequest { Title = title, Labels = ["csharp"], Priority = TaskPriority.High }, cancellationToken: Cancellation))!);
        }

        Assert.Equal(titles, created.Select(t => t.Title));
        Assert.All(created, t => Assert.Equal(TaskPriority.High, t.Priority));

        var first = await client.Api.Tasks.GetAsync(request => request.QueryParameters.Limit = 2, Cancellation);
        Assert.Equal(["First", "Second"], first!.Items!.Select(t => t.Title));
        Assert.False(string.IsNullOrEmpty(first.NextCursor));
        var second = await client.Api.Tasks.GetAsync(request =>
        {
            request.QueryParameters.Limit = 2;
            request.QueryParameters.Cursor = first.NextCursor;
        }, Cancellation);
        Assert.Equal(["Third"], second!.Items!.Select(t => t.Title));
        Assert.Null(second.NextCursor);

        var id = created[0].Id!.Value;
        var completed = await client.Api.Tasks[id].Complete.PatchAsync(cancellationToken: Cancellation);
        Assert.True(completed!.IsCompleted);
        Assert.NotNull(completed.CompletedAt);

        await client.Api.Tasks[id].DeleteAsync(cancellationToken: Cancellation);
        var gone = await Assert.ThrowsAsync<ProblemDetails>(() => client.Api.Tasks[id].GetAsync(cancellationToken: Cancellation));
        Assert.Equal(404, gone.ResponseStatusCode);
        Assert.Equal("You have no task with this id.", gone.Message);
    }

    [Fact]
    public async Task AChatTurnWithTheBuiltInAssistantAddsATask()
    {
        var (client, _) = await SignedInClientAsync();

        var turn = await client.Api.Chat.PostAsync(new ChatRequest { Message = "add a task to water the plants" }, cancellationToken: Cancellation);

        Assert.NotNull(turn!.ConversationId);
        Assert.Contains("water the plants", turn.Response, StringComparison.OrdinalIgnoreCase);
        var found = await client.Api.Tasks.GetAsync(request => request.QueryParameters.Q = "water the plants", Cancellation);
        Assert.Single(found!.Items!);
    }

    [Fact]
    public async Task AConflictIsATypedProblemWithItsDetail()
    {
        var (client, email) = await SignedInClientAsync();

        var taken = await Assert.ThrowsAsync<ProblemDetails>(() =>
            client.Api.Auth.Register.PostAsync(new RegisterRequest { Email = email, Password = Password }, cancellationToken: Cancellation));

        Assert.Equal(409, taken.ResponseStatusCode);
        Assert.Equal("Email taken", taken.Title);
        Assert.Equal("An account with this email already exists.", taken.Message);
    }

    [Fact]
    public async Task AnInvalidFieldIsAValidationProblemNamingIt()
    {
        var (client, _) = await SignedInClientAsync();

        var invalid = await Assert.ThrowsAsync<HttpValidationProblemDetails>(() =>
            client.Api.Tasks.GetAsync(request => request.QueryParameters.Limit = 1000, Cancellation));

        Assert.Equal(400, invalid.ResponseStatusCode);
        Assert.Contains("limit", invalid.Errors!.AdditionalData.Keys);
    }

    [Fact]
    public async Task WithoutATokenTheAnswerIsAnUnauthorizedProblem()
    {
        var anonymous = TodoClientFactory.Create(server.BaseAddress);

        var refused = await Assert.ThrowsAsync<ProblemDetails>(() => anonymous.Api.Tasks.GetAsync(cancellationToken: Cancellation));

        Assert.Equal(401, refused.ResponseStatusCode);
    }

    private async Task<(TodoApiClient Client, string Email)> SignedInClientAsync()
    {
        var email = $"cs-{Guid.NewGuid():N}@example.com";
        string? token = null;
        var client = TodoClientFactory.Create(server.BaseAddress, () => token);

        var user = await client.Api.Auth.Register.PostAsync(
            new RegisterRequest { Email = email, Password = Password, TimeZone = "Europe/London" }, cancellationToken: Cancellation);
        Assert.Equal("Europe/London", user!.TimeZone);
        var login = await client.Api.Auth.Login.PostAsync(new LoginRequest { Email = email, Password = Password }, cancellationToken: Cancellation);
        Assert.Equal("bearer", login!.TokenType);
        token = login.AccessToken;
        return (client, email);
    }
}
