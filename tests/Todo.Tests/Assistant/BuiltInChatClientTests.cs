using System.Text.Json;
using Microsoft.Extensions.AI;
using Todo.Server.Assistant;
using Todo.Server.Assistant.BuiltIn;
using Todo.Tests.Infrastructure;

namespace Todo.Tests.Assistant;

/// <summary>The engine as an <see cref="IChatClient"/>: what it answers on its own, streamed and not, before and after tool results.</summary>
public sealed class BuiltInChatClientTests
{
    private static readonly AITool[] Declarations =
    [
        .. new[] { "add_task", "list_tasks", "complete_task", "reopen_task", "delete_task", "update_task" }
            .Select(name => AIFunctionFactory.CreateDeclaration(name, name, JsonDocument.Parse("""{"type":"object"}""").RootElement)),
    ];

    private static readonly ChatOptions WithTools = new() { Tools = Declarations };

    /// <summary>A finished earlier turn as the chat loads it: the user's message, the calls, their results, and a reply that says nothing.</summary>
    private static ChatMessage[] EarlierTurn(string message, string tool, string arguments, string result) =>
    [
        new(ChatRole.User, message),
        new(ChatRole.Assistant, [new FunctionCallContent("call_" + tool, tool,
            JsonSerializer.Deserialize<Dictionary<string, object?>>(arguments))]),
        new(ChatRole.Tool, [new FunctionResultContent("call_" + tool, JsonDocument.Parse(result).RootElement.Clone())]),
        new(ChatRole.Assistant, "ok"),
    ];

    private static async Task<FunctionCallContent> CallForAsync(IEnumerable<ChatMessage> history, string message)
    {
        using var engine = new BuiltInChatClient();
        var response = await engine.GetResponseAsync([.. history, new ChatMessage(ChatRole.User, message)], WithTools);
        return Assert.Single(response.Messages.Single().Contents.OfType<FunctionCallContent>());
    }

    private const string TwoListed =
        """{"ok":true,"action":"listed","status":"all","query":null,"count":2,"tasks":[{"number":3,"title":"Pay rent","is_completed":false},{"number":7,"title":"Call mom","is_completed":false}]}""";

    private const string TwoCandidates =
        """{"ok":false,"error":"ambiguous","reference":"the report task","candidates":[{"number":4,"title":"Write report","is_completed":false},{"number":9,"title":"Send report","is_completed":false}],"message":"Several tasks match."}""";

    [Theory]
    [InlineData("delete the second one")]
    [InlineData("delete the last one")]
    public async Task PositionsComeFromTheStoredListResultNotTheReplyText(string message)
    {
        var call = await CallForAsync(EarlierTurn("show my tasks", "list_tasks", "{}", TwoListed), message);

        Assert.Equal(("delete_task", "7"), (call.Name, call.Arguments!["task"]?.ToString()));
    }

    [Fact]
    public async Task ItIsTheTaskTheStoredResultNamed()
    {
        var history = EarlierTurn("complete task 7", "complete_task", """{"task":"7"}""",
            """{"ok":true,"action":"completed","task":{"number":7,"title":"Call mom","is_completed":true},"changed":["is_completed"]}""");

        var call = await CallForAsync(history, "reopen it");

        Assert.Equal(("reopen_task", "7"), (call.Name, call.Arguments!["task"]?.ToString()));
    }

    [Theory]
    [InlineData("the second one")]
    [InlineData("2")]
    [InlineData("send report")]
    public async Task AnAnswerToWhichOnePicksFromTheStoredCandidates(string answer)
    {
        var history = EarlierTurn("delete the report task", "delete_task", """{"task":"the report task"}""", TwoCandidates);

        var call = await CallForAsync(history, answer);

        Assert.Equal(("delete_task", "9"), (call.Name, call.Arguments!["task"]?.ToString()));
    }

    [Fact]
    public async Task AQuestionAskedWithoutAToolIsFoundByPlanningTheEarlierMessageAgain()
    {
        ChatMessage[] history = [new(ChatRole.User, "add a task"), new(ChatRole.Assistant, "ok")];

        var call = await CallForAsync(history, "Water the plants");

        Assert.Equal(("add_task", "Water the plants"), (call.Name, call.Arguments!["title"]?.ToString()));
    }

    [Fact]
    public async Task AListInTheReplyTextAloneIsNotRemembered()
    {
        ChatMessage[] history = [new(ChatRole.User, "show my tasks"), new(ChatRole.Assistant, "Here are your 2 tasks:\n1. Pay rent (#3)\n2. Call mom (#7)")];
        using var engine = new BuiltInChatClient();

        var response = await engine.GetResponseAsync([.. history, new ChatMessage(ChatRole.User, "delete the second one")], WithTools);

        // The list is read again (to offer its second task), nothing is changed from the reply's words.
        var call = Assert.Single(response.Messages.Single().Contents.OfType<FunctionCallContent>());
        Assert.Equal("list_tasks", call.Name);
    }

    [Fact]
    public async Task AUserMessageBecomesACallOfTheRightToolWithItsArguments()
    {
        using var engine = new BuiltInChatClient();

        var response = await engine.GetResponseAsync([new ChatMessage(ChatRole.User, "Remind me to call the plumber, please")], WithTools);

        var call = Assert.Single(response.Messages.Single().Contents.OfType<FunctionCallContent>());
        Assert.Equal("add_task", call.Name);
        Assert.Equal(new Dictionary<string, object?> { ["title"] = "Call the plumber", ["existing"] = "keep" }, call.Arguments);
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
        Assert.Equal(ChatRole.Assistant, response.Messages.Single().Role);
    }

    [Theory]
    [InlineData("what's pending?", "list_tasks", """{"status":"pending"}""")]
    [InlineData("anything about the dentist?", "list_tasks", """{"query":"dentist"}""")]
    [InlineData("what did I finish?", "list_tasks", """{"status":"completed"}""")]
    [InlineData("done with groceries", "complete_task", """{"task":"groceries"}""")]
    [InlineData("mark task 3 as not done", "reopen_task", """{"task":"task 3"}""")]
    [InlineData("cancel the task about the dentist", "delete_task", """{"task":"the task about the dentist"}""")]
    [InlineData("change 'A' to 'B'", "update_task", """{"task":"A","title":"B"}""")]
    [InlineData("add a description to task 4: bring the receipts", "update_task", """{"task":"task 4","description":"Bring the receipts"}""")]
    [InlineData("new task: pay rent: before Friday", "add_task", """{"title":"Pay rent","description":"Before Friday"}""")]
    public async Task ThePhrasingChoosesTheToolAndArguments(string message, string tool, string arguments)
    {
        using var engine = new BuiltInChatClient();

        var response = await engine.GetResponseAsync([new ChatMessage(ChatRole.User, message)], WithTools);

        var call = Assert.Single(response.Messages.Single().Contents.OfType<FunctionCallContent>());
        Assert.Equal(tool, call.Name);
        Assert.Equal(arguments, JsonSerializer.Serialize(call.Arguments));
    }

    [Fact]
    public async Task ToolResultsAreWordedNamingTheTask()
    {
        using var engine = new BuiltInChatClient();
        var call = new FunctionCallContent("call-1", "complete_task", new Dictionary<string, object?> { ["task"] = "3" });
        var result = new TaskActionResult("completed", new TaskSummary(3, "Call mom", true), ["is_completed"]);
        ChatMessage[] messages =
        [
            new(ChatRole.System, "You are a task assistant."),
            new(ChatRole.User, "mark task 3 as complete"),
            new(ChatRole.Assistant, [call]),
            new(ChatRole.Tool, [new FunctionResultContent("call-1", JsonSerializer.SerializeToElement<TaskToolResult>(result, TaskTools.JsonOptions))]),
        ];

        var response = await engine.GetResponseAsync(messages, WithTools);

        Assert.Equal("Done! Marked task #3 \"Call mom\" as complete.", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Empty(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
    }

    [Fact]
    public async Task AFailedToolCallIsAnApologyNotACrash()
    {
        using var engine = new BuiltInChatClient();
        ChatMessage[] messages =
        [
            new(ChatRole.User, "delete task 3"),
            new(ChatRole.Assistant, [new FunctionCallContent("c", "delete_task", new Dictionary<string, object?> { ["task"] = "3" })]),
            new(ChatRole.Tool, [new FunctionResultContent("c", "Error: Function failed.")]),
        ];

        var response = await engine.GetResponseAsync(messages, WithTools);

        Assert.Contains("something went wrong", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutTheToolsItSaysItCannotReachTheTasks()
    {
        using var engine = new BuiltInChatClient();

        var response = await engine.GetResponseAsync([new ChatMessage(ChatRole.User, "add buy milk")]);

        Assert.Empty(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Contains("can't reach your tasks", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamingGivesTheSameReplyInPieces()
    {
        using var engine = new BuiltInChatClient();
        List<ChatMessage> messages = [new(ChatRole.User, "help")];

        var whole = await engine.GetResponseAsync(messages, WithTools);
        List<ChatResponseUpdate> updates = [];
        await foreach (var update in engine.GetStreamingResponseAsync(messages, WithTools))
        {
            updates.Add(update);
        }

        Assert.True(updates.Count > 1);
        Assert.Equal(whole.Text, string.Concat(updates.Select(u => u.Text)));
        Assert.Single(updates.Select(u => u.MessageId).Distinct());
        Assert.Equal(ChatFinishReason.Stop, updates[^1].FinishReason);
    }

    [Fact]
    public async Task StreamingACallGivesOneUpdateWithTheCall()
    {
        using var engine = new BuiltInChatClient();

        List<ChatResponseUpdate> updates = [];
        await foreach (var update in engine.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "delete task 2")], WithTools))
        {
            updates.Add(update);
        }

        var update1 = Assert.Single(updates);
        Assert.Equal("delete_task", Assert.Single(update1.Contents.OfType<FunctionCallContent>()).Name);
        Assert.Equal(ChatFinishReason.ToolCalls, update1.FinishReason);
    }

    [Fact]
    public void ItDescribesItselfAsTheBuiltInProvider()
    {
        using var engine = new BuiltInChatClient();

        var metadata = Assert.IsType<ChatClientMetadata>(engine.GetService(typeof(ChatClientMetadata)));

        Assert.Equal("builtin", metadata.ProviderName);
        Assert.Same(engine, engine.GetService(typeof(IChatClient)));
        Assert.Null(engine.GetService(typeof(IChatClient), "key"));
    }
}

/// <summary>The engine with the real tools, through function invocation and streaming, as the chat streams it.</summary>
public abstract class BuiltInEngineStreamingTests(ApiFixture api)
{
    [Theory]
    [InlineData("spec: add a task to buy groceries")]
    [InlineData("position: the second one")]
    [InlineData("it: mark it as done after adding")]
    [InlineData("ambiguous: then the second one")]
    [InlineData("multi: rename asks for the title")]
    public async Task AStreamedTurnHasTheSameEffect(string name)
    {
        var phrase = PhraseTable.Find(name);
        var streamed = await AssistantSession.StartAsync(api);
        var whole = await AssistantSession.StartAsync(api);
        await streamed.SeedAsync(phrase.Seed);
        await whole.SeedAsync(phrase.Seed);

        foreach (var message in phrase.Turns)
        {
            var a = await streamed.SendAsync(message, streaming: true);
            var b = await whole.SendAsync(message);
            Assert.Equal(b.Reply, a.Reply);
            Assert.Equal(b.Calls.Select(c => c.Name), a.Calls.Select(c => c.Name));
        }

        var streamedTasks = (await streamed.StoredTasksAsync()).Select(t => (t.Number, t.Title, t.IsCompleted, t.Description));
        var wholeTasks = (await whole.StoredTasksAsync()).Select(t => (t.Number, t.Title, t.IsCompleted, t.Description));
        Assert.Equal(wholeTasks, streamedTasks);
    }

    [Fact]
    public async Task AReplyNamesTheToolResultsItWasGiven()
    {
        var session = await AssistantSession.StartAsync(api);
        await session.SeedAsync("Buy milk", "Call mom");

        var turn = await session.SendAsync("complete tasks 1 and 2");

        Assert.Equal(["complete_task", "complete_task"], turn.Calls.Select(c => c.Name));
        Assert.Equal(2, turn.Results.Count);
        Assert.Contains("task #1 \"Buy milk\"", turn.Reply, StringComparison.Ordinal);
        Assert.Contains("task #2 \"Call mom\"", turn.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALongListFitsInAStoredMessage()
    {
        var session = await AssistantSession.StartAsync(api);
        await session.SeedAsync([.. Enumerable.Range(1, 60).Select(i => $"A rather long task title number {i} to fill the reply up")]);

        var turn = await session.SendAsync("show me all my tasks");

        Assert.True(turn.Reply.Length <= 2000, $"{turn.Reply.Length} characters");
        Assert.Contains("1. A rather long task title number 1 to fill the reply up (#1)", turn.Reply, StringComparison.Ordinal);
        Assert.Contains("more.", turn.Reply, StringComparison.Ordinal);
        Assert.StartsWith("Here are your 60 tasks:", turn.Reply, StringComparison.Ordinal);
    }
}

public sealed class SqliteBuiltInEngineStreamingTests(SqliteApi api) : BuiltInEngineStreamingTests(api), IClassFixture<SqliteApi>;
