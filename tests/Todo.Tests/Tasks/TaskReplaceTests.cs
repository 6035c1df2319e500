using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Todo.Server.Lists;
using Todo.Server.Tasks;
using Todo.Tests.Infrastructure;
using static Todo.Tests.Infrastructure.ProblemAssert;
using static Todo.Tests.Tasks.TaskTestSupport;

namespace Todo.Tests.Tasks;

/// <summary>PUT on each provider: title and description replaced as in the first wave; list_id, labels and priority changed
/// only when sent; bad values 400 naming the field with nothing changed.</summary>
public abstract class TaskReplaceTests(ApiFixture api)
{
    [Fact]
    public async Task PutWithoutTheNewFieldsKeepsListLabelsAndPriority()
    {
        var user = await api.CreateUserAsync();
        var work = await CreateListAsync(user, "Work");
        var task = await CreateAsync(user, new { title = "Report", description = "Q3", list_id = work.Id, labels = L("a", "b"), priority = "high" });

        var put = await PutAsync(user, task.Id, """{"title":"Report v2"}""");

        Assert.Equal(("Report v2", (string?)null), (put.Title, put.Description));
        Assert.Equal((new TaskListRef(work.Id, "Work"), TaskPriority.High), (put.List, put.Priority));
        Assert.Equal(["a", "b"], put.Labels);
        Assert.Equal(put, await user.GetTaskAsync(task.Id));
    }

    [Fact]
    public async Task PutWithTheNewFieldsSetsThemWithTitleAndDescription()
    {
        var user = await api.CreateUserAsync();
        var home = await CreateListAsync(user, "Home");
        var task = await user.CreateTaskAsync("Paint", "Walls");

        var put = await PutAsync(user, task.Id, $$"""{"title":"Paint the fence","list_id":"{{home.Id}}","labels":["Garden","diy","garden"],"priority":"medium"}""");

        Assert.Equal(("Paint the fence", (string?)null, TaskPriority.Medium), (put.Title, put.Description, put.Priority));
        Assert.Equal(new TaskListRef(home.Id, "Home"), put.List);
        Assert.Equal(["diy", "garden"], put.Labels);
        Assert.Equal(put, await user.GetTaskAsync(task.Id));

        // Only one of them: the others are kept.
        var lowered = await PutAsync(user, task.Id, """{"title":"Paint the fence","description":"Green","priority":"low"}""");
        Assert.Equal(("Green", TaskPriority.Low, "Home"), (lowered.Description, lowered.Priority, lowered.List.Name));
        Assert.Equal(["diy", "garden"], lowered.Labels);
    }

    [Fact]
    public async Task PutWithNullsMovesToTheInboxAndClearsLabelsAndPriority()
    {
        var user = await api.CreateUserAsync();
        var home = await CreateListAsync(user, "Home");
        var task = await CreateAsync(user, new { title = "Paint", list_id = home.Id, labels = L("diy"), priority = "high" });

        var put = await PutAsync(user, task.Id, """{"title":"Paint","list_id":null,"labels":null,"priority":null}""");

        Assert.Equal(("Inbox", TaskPriority.None), (put.List.Name, put.Priority));
        Assert.Empty(put.Labels);
    }

    [Theory]
    [InlineData("""{"title":"Changed","labels":["ok","no!"]}""", "labels", "The label \"no!\" may hold only letters, digits, '-' and '_'; \"!\" is not allowed.")]
    [InlineData("""{"title":"Changed","labels":["two words"]}""", "labels", "The label \"two words\" may hold only letters, digits, '-' and '_'; a space is not allowed.")]
    [InlineData("""{"title":"Changed","labels":[null]}""", "labels", "A label cannot be null.")]
    [InlineData("""{"title":"Changed","labels":["l1","l2","l3","l4","l5","l6","l7","l8","l9","l10","l11","l12","l13","l14","l15","l16","l17","l18","l19","l20","l21"]}""", "labels", "A task has at most 20 labels; 21 were given.")]
    [InlineData("""{"title":"Changed","priority":"urgent"}""", "priority", null)]
    [InlineData("""{"title":"Changed","priority":1}""", "priority", null)]
    [InlineData("""{"title":"Changed","list_id":"LIST"}""", "list_id", "You have no list with this id.")]
    [InlineData("""{"title":"Changed","list_id":"8d9c4a4e-0000-4000-8000-000000000000"}""", "list_id", "You have no list with this id.")]
    [InlineData("""{"list_id":null}""", "title", "A title is required.")]
    public async Task BadPutIs400NamingTheFieldAndChangesNothing(string body, string field, string? reason)
    {
        var owner = await api.CreateUserAsync();
        var user = await api.CreateUserAsync();
        var secret = await CreateListAsync(owner, "Secret");
        var task = await CreateAsync(user, new { title = "Keep", description = "Me", labels = L("kept"), priority = "low" });

        var response = await user.Client.SendAsync(RawRequest(HttpMethod.Put, $"/api/tasks/{task.Id}", body.Replace("LIST", secret.Id.ToString(), StringComparison.Ordinal)));

        var text = await response.Content.ReadAsStringAsync();
        await AssertValidationProblemAsync(response, field);
        if (reason is not null)
        {
            Assert.Equal(reason, JsonDocument.Parse(text).RootElement.GetProperty("errors").GetProperty(field)[0].GetString());
        }

        Assert.Equal(task, await user.GetTaskAsync(task.Id));
        Assert.Equal(0, (await ListsAsync(owner)).Single(l => l.Name == "Secret").PendingCount);
    }

    [Fact]
    public async Task LabelMessagesSayWhichLabelAndWhyOnCreateAndPatch()
    {
        var user = await api.CreateUserAsync();
        var task = await user.CreateTaskAsync("Task");

        var created = await user.Client.PostAsJsonAsync("/api/tasks", new { title = "T", labels = L("fine", "dot.ted") }, Json);
        var patched = await user.Client.PatchAsJsonAsync($"/api/tasks/{task.Id}", new { labels = L(new string('x', 51)) }, Json);

        Assert.Equal("The label \"dot.ted\" may hold only letters, digits, '-' and '_'; \".\" is not allowed.", await LabelProblemAsync(created));
        Assert.Equal("The label \"xxxxxxxxxxxxxxxxxxx…\" is 51 characters long; the limit is 50.", await LabelProblemAsync(patched));
        Assert.Equal(["Task"], (await user.ListAsync()).Items.Select(t => t.Title));
        Assert.Empty((await user.GetTaskAsync(task.Id)).Labels);
    }

    /// <summary>Labels for a request body.</summary>
    private static string[] L(params string[] labels) => labels;

    private static async Task<string?> LabelProblemAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        await AssertValidationProblemAsync(response, "labels");
        return JsonDocument.Parse(text).RootElement.GetProperty("errors").GetProperty("labels")[0].GetString();
    }

    private static async Task<TaskDto> PutAsync(TestUser user, Guid id, string json)
    {
        var response = await user.Client.SendAsync(RawRequest(HttpMethod.Put, $"/api/tasks/{id}", json));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await DescribeAsync(response));
        return await ReadTaskAsync(response);
    }

    private static async Task<TaskDto> CreateAsync(TestUser user, object body)
    {
        var response = await user.Client.PostAsJsonAsync("/api/tasks", body, Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await DescribeAsync(response));
        return await ReadTaskAsync(response);
    }

    private static async Task<ListDto> CreateListAsync(TestUser user, string name)
    {
        var response = await user.Client.PostAsJsonAsync("/api/lists", new { name }, Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await DescribeAsync(response));
        return (await response.Content.ReadFromJsonAsync<ListDto>(Json))!;
    }

    private static async Task<List<ListDto>> ListsAsync(TestUser user)
    {
        var response = await user.Client.GetAsync("/api/lists");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await DescribeAsync(response));
        return [.. (await response.Content.ReadFromJsonAsync<ListListResponse>(Json))!.Items];
    }
}

public sealed class SqliteTaskReplaceTests(SqliteApi api) : TaskReplaceTests(api), IClassFixture<SqliteApi>;

public sealed class PostgresTaskReplaceTests(PostgresApi api) : TaskReplaceTests(api), IClassFixture<PostgresApi>;
