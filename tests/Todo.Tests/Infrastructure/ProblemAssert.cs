using System.Net.Http.Json;
using System.Text.Json;

namespace Todo.Tests.Infrastructure;

/// <summary>Checks on RFC 9457 answers, shared by every HTTP test.</summary>
public static class ProblemAssert
{
    /// <summary>Asserts an RFC 9457 answer with <paramref name="status"/> and returns its body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, int status)
    {
        Assert.True((int)response.StatusCode == status, await DescribeAsync(response));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ApiFixture.Json);
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }

    /// <summary>Asserts a 400 validation problem whose errors name exactly <paramref name="field"/>.</summary>
    public static async Task AssertValidationProblemAsync(HttpResponseMessage response, string field)
    {
        var problem = await AssertProblemAsync(response, 400);
        var errors = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Equal([field], errors);
    }

    public static async Task<string> DescribeAsync(HttpResponseMessage response) =>
        $"{(int)response.StatusCode} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: " +
        await response.Content.ReadAsStringAsync();
}
