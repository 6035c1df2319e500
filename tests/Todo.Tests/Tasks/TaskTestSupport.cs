using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Todo.Server.Tasks;
using Todo.Tests.Infrastructure;

using static Todo.Tests.Infrastructure.ProblemAssert;

namespace Todo.Tests.Tasks;

/// <summary>Shorthands the task tests share: creating and reading tasks over HTTP, and checking problem answers.</summary>
internal static class TaskTestSupport
{
    public static JsonSerializerOptions Json => ApiFixture.Json;

    public static async Task<TaskDto> CreateTaskAsync(this TestUser user, string title, string? description = null)
    {
        var response = await user.Client.PostAsJsonAsync("/api/tasks", new { title, description }, Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await DescribeAsync(response));
        return await ReadTaskAsync(response);
    }

    /// <summary>The task as its owner sees it now.</summary>
    public static async Task<TaskDto> GetTaskAsync(this TestUser user, Guid id)
    {
        var response = await user.Client.GetAsync($"/api/tasks/{id}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await DescribeAsync(response));
        return await ReadTaskAsync(response);
    }

    public static async Task<TaskDto> ReadTaskAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<TaskDto>(Json) ?? throw new InvalidOperationException("No task in the answer.");

    public static async Task<TaskListResponse> ListAsync(this TestUser user, string query = "")
    {
        var response = await user.Client.GetAsync("/api/tasks" + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await DescribeAsync(response));
        return await response.Content.ReadFromJsonAsync<TaskListResponse>(Json) ?? throw new InvalidOperationException("No list in the answer.");
    }

    /// <summary>Every task of the user, read straight from the database.</summary>
    public static Task<List<TaskItem>> StoredTasksAsync(this ApiFixture api, Guid userId) =>
        api.WithDbAsync(db => db.Tasks.AsNoTracking().Where(t => t.UserId == userId).OrderBy(t => t.Number).ToListAsync());

    public static HttpRequestMessage Request(HttpMethod method, string path, object? body = null) => new(method, path)
    {
        Content = body is null ? null : JsonContent.Create(body, options: Json),
    };

    public static HttpRequestMessage RawRequest(HttpMethod method, string path, string body, string mediaType = "application/json") =>
        new(method, path) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
}
