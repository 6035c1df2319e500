using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Todo.Tests.Live;

/// <summary>One server-sent event as a client sees it; a comment line comes as <see cref="Comment"/>.</summary>
public sealed record SseEvent(string? Id, string Event, string Data, string? Comment = null)
{
    public JsonElement Json => JsonDocument.Parse(Data).RootElement;
}

/// <summary>An open GET /api/events: its events as they arrive, read line by line as an EventSource reads them.</summary>
public sealed class EventStreamClient : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Channel<SseEvent> events = Channel.CreateUnbounded<SseEvent>();
    private readonly HttpResponseMessage response;
    private readonly Task reading;

    private EventStreamClient(HttpResponseMessage response)
    {
        this.response = response;
        reading = Task.Run(ReadAsync);
    }

    /// <summary>Set when the server ended the stream.</summary>
    public bool Ended { get; private set; }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, string? lastEventId = null, string query = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/events" + query);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
    }

    /// <summary>Opens a stream and asserts it was accepted as text/event-stream.</summary>
    public static async Task<EventStreamClient> OpenAsync(HttpClient client, string? lastEventId = null, string query = "")
    {
        var response = await SendAsync(client, lastEventId, query);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var body = await response.Content.ReadAsStringAsync();
            response.Dispose();
            Assert.Fail($"GET /api/events answered {(int)response.StatusCode}: {body}");
        }

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new EventStreamClient(response);
    }

    /// <summary>The next event that is not a comment, or a failure after <paramref name="timeout"/> (default 5 s).</summary>
    public async Task<SseEvent> NextAsync(TimeSpan? timeout = null)
    {
        while (true)
        {
            var next = await NextOrCommentAsync(timeout);
            if (next.Comment is null)
            {
                return next;
            }
        }
    }

    /// <summary>The next event or comment line.</summary>
    public async Task<SseEvent> NextOrCommentAsync(TimeSpan? timeout = null)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        wait.CancelAfter(timeout ?? TimeSpan.FromSeconds(5));
        try
        {
            return await events.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No event within {timeout ?? TimeSpan.FromSeconds(5)}.");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException("The stream ended.");
        }
    }

    /// <summary>True when no event (comments aside) arrives within <paramref name="quiet"/>.</summary>
    public async Task<SseEvent?> NoEventWithinAsync(TimeSpan quiet)
    {
        try
        {
            return await NextAsync(quiet);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    /// <summary>Waits until the server ends the stream.</summary>
    public async Task WaitForEndAsync(TimeSpan timeout)
    {
        await reading.WaitAsync(timeout, TestContext.Current.CancellationToken);
        Assert.True(Ended, "The stream was not ended by the server.");
    }

    private async Task ReadAsync()
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(stop.Token);
            using var reader = new StreamReader(body, Encoding.UTF8);
            string? id = null, name = null;
            var data = new StringBuilder();
            while (await reader.ReadLineAsync(stop.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    if (name is not null || data.Length > 0)
                    {
                        events.Writer.TryWrite(new SseEvent(id, name ?? "message", data.ToString()));
                    }

                    id = name = null;
                    data.Clear();
                }
                else if (line.StartsWith(':'))
                {
                    events.Writer.TryWrite(new SseEvent(null, "", "", line[1..].Trim()));
                }
                else
                {
                    var colon = line.IndexOf(':', StringComparison.Ordinal);
                    var field = colon < 0 ? line : line[..colon];
                    var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
                    switch (field)
                    {
                        case "id":
                            id = value;
                            break;
                        case "event":
                            name = value;
                            break;
                        case "data":
                            data.Append(data.Length > 0 ? "\n" : "").Append(value);
                            break;
                    }
                }
            }

            Ended = true;
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
            // Closed by the test.
        }
        catch (IOException)
        {
            Ended = true;
        }
        finally
        {
            events.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        response.Dispose();
        try
        {
            await reading;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }
}
