using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Todo.Server.Chat;
using Todo.Server.Components.Workspace;
using Todo.Server.Data;
using Todo.Server.Http;

namespace Todo.Tests.Web;

public sealed class ChatPanelTests : ComponentTestContext
{
    private int tasksChanged;

    [Fact]
    public async Task ASentMessageShowsThinkingThenTheReplyAsItStreamsAndTheAddressNamesTheConversation()
    {
        Assistant.Gate = new TaskCompletionSource();
        Assistant.Replies("You have ", "no tasks", " yet.");
        var panel = RenderPanel();

        await panel.Find("#chat-message").InputAsync("what's pending?");
        var sending = panel.Find("form.composer").SubmitAsync(); // finishes with the turn, which waits for the gate

        panel.WaitForAssertion(() => Assert.Contains("Thinking…", panel.Find(".messages").TextContent, StringComparison.Ordinal));
        Assert.Equal(["what's pending?"], Texts(panel, "from-user"));
        Assert.Equal("", panel.Find("#chat-message").GetAttribute("value") ?? "");
        Assert.NotNull(panel.Find("button[type=submit]").GetAttribute("disabled"));

        Assistant.Gate.SetResult();
        await sending;

        panel.WaitForAssertion(() => Assert.Equal(["You have no tasks yet."], Texts(panel, "from-assistant")));
        Assert.DoesNotContain("Thinking…", panel.Markup, StringComparison.Ordinal);
        var conversation = Assert.Single(await StoredConversationsAsync());
        Assert.Equal("what's pending?", conversation.Title);
        panel.WaitForAssertion(() => Assert.Equal("what's pending?", panel.Find(".conversation-link[aria-current=true]").TextContent));
        Assert.Equal(conversation.Id.ToString(), LastConversationInAddress());
        Assert.Equal([MessageRole.User, MessageRole.Assistant], (await StoredMessagesAsync(conversation.Id)).Select(m => m.Role));
    }

    [Fact]
    public async Task EachToolTheAssistantUsesTellsTheTaskListAfterTheChangeIsStored()
    {
        var titlesWhenTold = new List<string>();
        Assistant.CallsTool("add_task", new() { ["title"] = "Call the bank" }, "Added task 1: Call the bank.");
        var panel = Render<ChatPanel>(parameters => parameters
            .Add(p => p.UserId, UserId)
            .Add(p => p.TasksChanged, async () => titlesWhenTold.AddRange(await StoredTaskTitlesAsync())));

        await SendAsync(panel, "remind me to call the bank");

        panel.WaitForAssertion(() => Assert.Equal(["Added task 1: Call the bank."], Texts(panel, "from-assistant")));
        Assert.Equal(["Call the bank"], titlesWhenTold);
        Assert.Equal("Added a task", panel.Find(".message.from-assistant .tools").TextContent);
    }

    [Fact]
    public async Task TheConversationNamedInTheAddressComesBackWithItsHistory()
    {
        Assistant.Replies("Noted.");
        var first = RenderPanel();
        await SendAsync(first, "remember the milk");
        first.WaitForAssertion(() => Assert.Single(Texts(first, "from-assistant")));
        var id = Assert.Single(await StoredConversationsAsync()).Id;
        first.Dispose();

        Services.GetRequiredService<NavigationManager>().NavigateTo($"/?c={id}");
        var reloaded = RenderPanel();

        reloaded.WaitForAssertion(() => Assert.Equal(["remember the milk"], Texts(reloaded, "from-user")));
        Assert.Equal(["Noted."], Texts(reloaded, "from-assistant"));
        Assert.Equal("remember the milk", reloaded.Find(".conversation-link[aria-current=true]").TextContent);
    }

    [Fact]
    public async Task AnotherUsersConversationInTheAddressIsNotShown()
    {
        var other = await CreateUserAsync();
        var theirs = await WithAsync<ChatService, PreparedTurn?>(chat => chat.PrepareAsync(other, null, "my secret plan", CancellationToken.None));

        Services.GetRequiredService<NavigationManager>().NavigateTo($"/?c={theirs!.Conversation.Id}");
        var panel = RenderPanel();

        panel.WaitForAssertion(() => Assert.Equal("That conversation no longer exists.", panel.Find(".error").TextContent));
        Assert.DoesNotContain("secret", panel.Markup, StringComparison.Ordinal);
        Assert.Empty(panel.FindAll(".conversation-link"));
    }

    [Fact]
    public async Task AConversationCanBeRenamedAndDeleted()
    {
        Assistant.Replies("Hello!");
        var panel = RenderPanel();
        await SendAsync(panel, "hi");
        panel.WaitForAssertion(() => Assert.Single(Texts(panel, "from-assistant")));

        await panel.FindAll(".conversation-header button").Single(b => b.TextContent == "Rename").ClickAsync(new());
        await panel.Find("#conversation-title").InputAsync("Greetings");
        await panel.Find("form.rename").SubmitAsync();

        panel.WaitForAssertion(() => Assert.Equal("Greetings", panel.Find(".conversation-link[aria-current=true]").TextContent));
        Assert.Equal("Greetings", Assert.Single(await StoredConversationsAsync()).Title);

        await panel.FindAll(".conversation-header button").Single(b => b.TextContent == "Delete conversation").ClickAsync(new());
        Assert.Contains("Delete “Greetings” and all its messages?", panel.Find(".confirm").TextContent, StringComparison.Ordinal);
        await panel.FindAll(".confirm button").Single(b => b.TextContent == "Delete").ClickAsync(new());

        panel.WaitForAssertion(() => Assert.Empty(panel.FindAll(".conversation-link")));
        Assert.Empty(Texts(panel, "from-user"));
        Assert.Empty(await StoredConversationsAsync());
        Assert.Null(LastConversationInAddress());
    }

    [Fact]
    public async Task ThePanelDrawsOnTheUsersChatAllowanceAndOnceItIsSpentSaysWhenToTryAgain()
    {
        var limiter = Services.GetRequiredService<ChatTurnLimiter>();
        var allowance = new RateLimitingOptions().ChatPerMinute;
        Assistant.Replies("Added task 1: Buy milk.");
        var panel = RenderPanel();

        await SendAsync(panel, "add a task to buy milk");
        panel.WaitForAssertion(() => Assert.Equal(["Added task 1: Buy milk."], Texts(panel, "from-assistant")));
        var left = 0;
        while (left < allowance && limiter.TryTake(UserId, out _))
        {
            left++;
        }

        Assert.Equal(allowance - 1, left);
        await SendAsync(panel, "add a task to buy bread");

        panel.WaitForAssertion(() => Assert.StartsWith(
            "You have sent too many messages in the last minute; try again in ", panel.Find(".error").TextContent, StringComparison.Ordinal));
        Assert.Equal("add a task to buy bread", panel.Find("#chat-message").GetAttribute("value"));
        Assert.Equal(["add a task to buy milk"], Texts(panel, "from-user"));
        var conversation = Assert.Single(await StoredConversationsAsync());
        Assert.Equal(2, (await StoredMessagesAsync(conversation.Id)).Count);
    }

    [Fact]
    public async Task WhenTheAssistantFailsThePanelSaysSoAndTheMessageIsKept()
    {
        Assistant.Fails();
        var panel = RenderPanel();

        await SendAsync(panel, "add a task to buy milk");

        panel.WaitForAssertion(() => Assert.Equal(
            "The assistant could not answer. Your message was kept; send it again to retry.", panel.Find(".error").TextContent));
        Assert.Equal(["add a task to buy milk"], Texts(panel, "from-user"));
        Assert.Empty(Texts(panel, "from-assistant"));
        var conversation = Assert.Single(await StoredConversationsAsync());
        Assert.Equal([MessageRole.User], (await StoredMessagesAsync(conversation.Id)).Select(m => m.Role));
    }

    [Fact]
    public async Task AFailedRequestShowsAPlainMessageAndKeepsWhatWasTyped()
    {
        var panel = RenderPanel();
        await DropTableAsync("messages");

        await SendAsync(panel, "add a task to buy milk");

        panel.WaitForAssertion(() => Assert.StartsWith("Couldn't send your message.", panel.Find(".error").TextContent, StringComparison.Ordinal));
        Assert.Contains("What you typed is kept.", panel.Find(".error").TextContent, StringComparison.Ordinal);
        Assert.Equal("add a task to buy milk", panel.Find("#chat-message").GetAttribute("value"));
        Assert.Empty(Texts(panel, "from-user"));
    }

    [Fact]
    public async Task AnEmptyMessageIsExplainedNextToTheBox()
    {
        var panel = RenderPanel();

        await SendAsync(panel, "   ");

        panel.WaitForAssertion(() => Assert.Equal("Write a message.", panel.Find("#chat-message-error").TextContent));
        Assert.Equal("chat-message-error", panel.Find("#chat-message").GetAttribute("aria-describedby"));
        Assert.Empty(await StoredConversationsAsync());
        Assert.Equal(0, tasksChanged);
    }

    /// <summary>The conversation the panel last put in the browser's address (null: it took it out).</summary>
    private string? LastConversationInAddress()
    {
        var parts = Assert.IsAssignableFrom<IReadOnlyDictionary<string, string?>>(JSInterop.Invocations["todo.address.set"][^1].Arguments[0]);
        return Assert.Contains("c", parts);
    }

    private IRenderedComponent<ChatPanel> RenderPanel() => Render<ChatPanel>(parameters => parameters
        .Add(p => p.UserId, UserId)
        .Add(p => p.TasksChanged, () => tasksChanged++));

    private static async Task SendAsync(IRenderedComponent<ChatPanel> panel, string message)
    {
        await panel.Find("#chat-message").InputAsync(message);
        await panel.Find("form.composer").SubmitAsync();
    }

    private static List<string> Texts(IRenderedComponent<ChatPanel> panel, string from) =>
        [.. panel.FindAll($".message.{from}:not(.thinking) .text").Select(text => text.TextContent)];

    private Task<List<Conversation>> StoredConversationsAsync() =>
        WithAsync<TodoDbContext, List<Conversation>>(db =>
            db.Conversations.AsNoTracking().Where(c => c.UserId == UserId && !c.IsDeleted).ToListAsync());

    private Task<List<Message>> StoredMessagesAsync(Guid conversationId) =>
        WithAsync<TodoDbContext, List<Message>>(db =>
            db.Messages.AsNoTracking().Where(m => m.ConversationId == conversationId).OrderBy(m => m.CreatedAt).ToListAsync());

    private Task<List<string>> StoredTaskTitlesAsync() =>
        WithAsync<TodoDbContext, List<string>>(db => db.Tasks.AsNoTracking().Where(t => t.UserId == UserId).Select(t => t.Title).ToListAsync());
}
