using System.Net.Http.Headers;
using System.Text;
using Todo.Tests.Infrastructure;
using static Todo.Tests.Tasks.TaskTestSupport;
using static Todo.Tests.Infrastructure.ProblemAssert;

namespace Todo.Tests.Tasks;

/// <summary>
/// Bodies no task write route may accept: each is sent to POST, PUT and PATCH on /api/tasks and on the
/// original routes. The answer is always a 4xx problem, never a 5xx, and the user's tasks stay as they were.
/// </summary>
public abstract class TaskHostileBodyTests(ApiFixture api)
{
    private static readonly string Deep = string.Concat(Enumerable.Repeat("[", 10_000)) + string.Concat(Enumerable.Repeat("]", 10_000));

    private static readonly Dictionary<string, Func<HttpContent>> Bodies = new(StringComparer.Ordinal)
    {
        ["title is a number"] = () => Json("""{"title":42}"""),
        ["title is a boolean"] = () => Json("""{"title":true}"""),
        ["title is an object"] = () => Json("""{"title":{"$ne":""}}"""),
        ["title is an array"] = () => Json("""{"title":["a","b"]}"""),
        ["description is a number"] = () => Json("""{"title":"x","description":1e308}"""),
        ["description is an array"] = () => Json("""{"title":"x","description":["a"]}"""),
        ["title is null"] = () => Json("""{"title":null}"""),
        ["body is null"] = () => Json("null"),
        ["body is an array"] = () => Json("""[{"title":"x"}]"""),
        ["body is a string"] = () => Json("\"title\""),
        ["body is empty"] = () => Json(""),
        ["body is not JSON"] = () => Json("title=x"),
        ["body is truncated"] = () => Json("""{"title":"x" """),
        ["body has trailing garbage"] = () => Json("""{"title":"x"} {"title":"y"}"""),
        ["title of 10 MB"] = () => Json($$"""{"title":"{{new string('a', 10_000_000)}}"}"""),
        ["description of 10 MB"] = () => Json($$"""{"title":"x","description":"{{new string('a', 10_000_000)}}"}"""),
        ["title nested 10000 deep"] = () => Json($$"""{"title":{{Deep}}}"""),
        ["unknown field nested 10000 deep"] = () => Json($$"""{"title":"x","extra":{{Deep}}}"""),
        ["SQL in a title over 100 characters"] = () => Json($$"""{"title":"'; DROP TABLE tasks; -- {{new string('x', 100)}}"}"""),
        ["NUL in the title"] = () => Json("""{"title":"a\u0000b"}"""),
        ["NUL in the description"] = () => Json("""{"title":"x","description":"a\u0000b"}"""),
        ["control character in the title"] = () => Json("""{"title":"bell\u0007"}"""),
        ["line break in the title"] = () => Json("""{"title":"two\nlines"}"""),
        ["unpaired surrogate escaped"] = () => Json("""{"title":"a\ud800b"}"""),
        ["invalid UTF-8 bytes"] = () => Bytes([.. "{\"title\":\""u8, 0xC3, 0x28, 0xFF, .. "\"}"u8]),
        ["101 emoji"] = () => Json($$"""{"title":"{{string.Concat(Enumerable.Repeat("😀", 101))}}"}"""),
        ["valid JSON as text/plain"] = () => new StringContent("""{"title":"x"}""", Encoding.UTF8, "text/plain"),
        ["valid JSON as form data"] = () => new FormUrlEncodedContent([new("title", "x")]),
    };

    public static TheoryData<string> BodyNames => [.. Bodies.Keys];

    [Theory]
    [MemberData(nameof(BodyNames))]
    public async Task HostileBodyIsRefusedOnEveryWriteRouteAndChangesNothing(string body)
    {
        var user = await api.CreateUserAsync();
        var task = await user.CreateTaskAsync("untouched", "as it was");
        var before = await api.StoredTasksAsync(user.Id);

        foreach (var (method, path) in new[]
                 {
                     (HttpMethod.Post, "/api/tasks"),
                     (HttpMethod.Put, $"/api/tasks/{task.Id}"),
                     (HttpMethod.Patch, $"/api/tasks/{task.Id}"),
                     (HttpMethod.Post, $"/api/{user.Id}/tasks"),
                     (HttpMethod.Put, $"/api/{user.Id}/tasks/{task.Id}"),
                     (HttpMethod.Patch, $"/api/{user.Id}/tasks/{task.Id}"),
                 })
        {
            var response = await user.Client.SendAsync(new HttpRequestMessage(method, path) { Content = Bodies[body]() });

            var status = (int)response.StatusCode;
            Assert.True(status is >= 400 and < 500, $"{body}: {await DescribeAsync(response)}");
            await AssertProblemAsync(response, status);
        }

        var after = await api.StoredTasksAsync(user.Id);
        Assert.Equal(
            before.Select(t => (t.Id, t.Number, t.Title, t.Description, t.IsCompleted, t.CompletedAt, t.UpdatedAt)),
            after.Select(t => (t.Id, t.Number, t.Title, t.Description, t.IsCompleted, t.CompletedAt, t.UpdatedAt)));
    }

    [Theory]
    [InlineData("\"yes\"")]
    [InlineData("1")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("null")]
    public async Task PatchRefusesIsCompletedThatIsNotABoolean(string value)
    {
        var user = await api.CreateUserAsync();
        var task = await user.CreateTaskAsync("untouched");

        var response = await user.Client.SendAsync(RawRequest(HttpMethod.Patch, $"/api/tasks/{task.Id}", $$"""{"is_completed":{{value}}}"""));

        await AssertProblemAsync(response, 400);
        Assert.Equal(task, await user.GetTaskAsync(task.Id));
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static ByteArrayContent Bytes(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}

public sealed class SqliteTaskHostileBodyTests(SqliteApi api) : TaskHostileBodyTests(api), IClassFixture<SqliteApi>;

public sealed class PostgresTaskHostileBodyTests(PostgresApi api) : TaskHostileBodyTests(api), IClassFixture<PostgresApi>;
