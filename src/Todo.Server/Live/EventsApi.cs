using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Todo.Server.Accounts;
using Todo.Server.History;
using Todo.Server.Http;

namespace Todo.Server.Live;

/// <summary>Live:* settings.</summary>
public sealed class LiveOptions
{
    public const string Section = "Live";

    /// <summary>Open event streams one user may hold on one server; one more is refused with 429.</summary>
    public int StreamsPerUser { get; set; } = 5;

    /// <summary>Seconds between the comment lines that keep an idle stream open through proxies.</summary>
    public double HeartbeatSeconds { get; set; } = 15;
}

/// <summary>The open event streams of each user on this server, up to <see cref="LiveOptions.StreamsPerUser"/>.</summary>
public sealed class EventStreams(IOptions<LiveOptions> options)
{
    private readonly ConcurrentDictionary<Guid, int> open = new();

    public int Open(Guid userId) => open.GetValueOrDefault(userId);

    /// <summary>Takes a place for a stream of the user; false when they hold the most already.</summary>
    public bool TryTake(Guid userId)
    {
        while (true)
        {
            var count = open.GetValueOrDefault(userId);
            if (count >= options.Value.StreamsPerUser)
            {
                return false;
            }

            if (count == 0 ? open.TryAdd(userId, 1) : open.TryUpdate(userId, count + 1, count))
            {
                return true;
            }
        }
    }

    public void Release(Guid userId)
    {
        while (open.TryGetValue(userId, out var count))
        {
            if (count <= 1 ? open.TryRemove(KeyValuePair.Create(userId, count)) : open.TryUpdate(userId, count - 1, count))
            {
                return;
            }
        }
    }
}

/// <summary>
/// GET /api/events: the caller's activity as server-sent events (<c>id:</c> the event number, <c>event: activity</c>, data as
/// an item of GET /api/activity), <c>event: notification</c> when a notification arrives, and a comment line as heartbeat.
/// Last-Event-ID (or <c>?last_event_id=</c>) resumes: what came after it is read from the activity log first. Each signal
/// only wakes the stream, which reads what is new from the database, so nothing is lost or sent twice.
/// </summary>
public static class EventsApi
{
    public const string LastEventIdHeader = "Last-Event-ID";
    public const string LastEventIdQuery = "last_event_id";
    private const int CatchUpPage = 100;

    private static readonly byte[] NotificationEvent = Encoding.UTF8.GetBytes("event: notification\ndata: {\"type\":\"notification\"}\n\n");
    private static readonly byte[] Heartbeat = Encoding.UTF8.GetBytes(": keep-alive\n\n");
    private static readonly byte[] Retry = Encoding.UTF8.GetBytes("retry: 2000\n\n");

    public static WebApplicationBuilder AddLive(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<LiveOptions>().BindConfiguration(LiveOptions.Section)
            .Validate(o => o.StreamsPerUser >= 1, "Live:StreamsPerUser must be at least 1.")
            .Validate(o => o.HeartbeatSeconds > 0, "Live:HeartbeatSeconds must be above 0.");
        services.AddSingleton<EventStreams>();
        services.AddSingleton<PostgresSignalListener>();
        services.AddHostedService(provider => provider.GetRequiredService<PostgresSignalListener>());
        return builder;
    }

    public static IEndpointRouteBuilder MapLive(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/events").MapGet("/", StreamAsync).WithTags("Live").RequireAuthorization().WithName("StreamEvents")
            .WithSummary("Your activity as it happens (server-sent events)")
            .WithDescription("""
                text/event-stream of `event: activity` (`id:` the event number; data: an item of GET /api/activity) and
                `event: notification` (data: {"type":"notification"}), with a comment line every 15 s. Send Last-Event-ID (or
                ?last_event_id=) to resume: the events after it come first, from the activity log. Without it the stream starts
                now. At most 5 open streams per user (429 above).
                """)
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    private static async Task StreamAsync(
        HttpContext http,
        ClaimsPrincipal principal,
        EventStreams streams,
        IUserSignals signals,
        IServiceScopeFactory scopes,
        IHostApplicationLifetime lifetime,
        IOptions<LiveOptions> options)
    {
        var userId = principal.GetUserId();
        if (!TryReadLastEventId(http.Request, out var lastEventId, out var field))
        {
            await Results.ValidationProblem(new Dictionary<string, string[]>
            {
                [field] = ["Send the id of the last event received: a whole number, 0 or above."],
            }).ExecuteAsync(http);
            return;
        }

        if (!streams.TryTake(userId))
        {
            http.Response.Headers.RetryAfter = "5";
            await Results.Problem(Problems.Create(
                StatusCodes.Status429TooManyRequests, "Too many streams",
                $"You have {options.Value.StreamsPerUser} event streams open on this server; close one first.")).ExecuteAsync(http);
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        var cancellationToken = stop.Token;
        var wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        var activity = 0;
        var notifications = 0;
        using var subscription = signals.Subscribe(userId, signal =>
        {
            Interlocked.Exchange(ref signal == UserSignal.Activity ? ref activity : ref notifications, 1);
            wake.Writer.TryWrite(true);
        });
        try
        {
            // Subscribed first, then the starting point read: a change committed in between is read, not missed.
            var latest = await WithActivityAsync(scopes, a => a.LatestAsync(userId, cancellationToken));
            var after = lastEventId is { } resume ? Math.Min(resume, latest) : latest;

            var response = http.Response;
            response.ContentType = "text/event-stream";
            response.Headers.CacheControl = "no-cache, no-store";
            response.Headers["X-Accel-Buffering"] = "no";
            http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()?.DisableBuffering();
            await response.Body.WriteAsync(Retry, cancellationToken);
            after = await SendNewAsync(scopes, response, userId, after, cancellationToken);
            await response.Body.FlushAsync(cancellationToken);

            var heartbeat = TimeSpan.FromSeconds(options.Value.HeartbeatSeconds);
            while (!cancellationToken.IsCancellationRequested)
            {
                using var beat = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                beat.CancelAfter(heartbeat);
                try
                {
                    await wake.Reader.ReadAsync(beat.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    await response.Body.WriteAsync(Heartbeat, cancellationToken);
                    await response.Body.FlushAsync(cancellationToken);
                    continue;
                }

                if (Interlocked.Exchange(ref activity, 0) == 1)
                {
                    after = await SendNewAsync(scopes, response, userId, after, cancellationToken);
                }

                if (Interlocked.Exchange(ref notifications, 0) == 1)
                {
                    await response.Body.WriteAsync(NotificationEvent, cancellationToken);
                }

                await response.Body.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away or the server is stopping: the stream ends.
        }
        catch (IOException) when (cancellationToken.IsCancellationRequested || http.RequestAborted.IsCancellationRequested)
        {
            // Written to a connection that had just closed.
        }
        finally
        {
            streams.Release(userId);
        }
    }

    /// <summary>Writes the user's events after <paramref name="after"/>, oldest first, and returns the last number written.</summary>
    private static async Task<long> SendNewAsync(
        IServiceScopeFactory scopes, HttpResponse response, Guid userId, long after, CancellationToken cancellationToken)
    {
        while (true)
        {
            var events = await WithActivityAsync(scopes, a => a.AfterAsync(userId, after, CatchUpPage, cancellationToken));
            foreach (var e in events)
            {
                var json = JsonSerializer.Serialize(ActivityEventDto.From(e), ApiConventions.Json);
                await response.WriteAsync(
                    string.Create(CultureInfo.InvariantCulture, $"id: {e.Seq}\nevent: activity\ndata: {json}\n\n"), cancellationToken);
                after = e.Seq;
            }

            if (events.Count < CatchUpPage)
            {
                return after;
            }

            await response.Body.FlushAsync(cancellationToken);
        }
    }

    /// <summary>A stream lives long: each read takes a database context for itself only.</summary>
    private static async Task<T> WithActivityAsync<T>(IServiceScopeFactory scopes, Func<ActivityService, Task<T>> read)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<ActivityService>());
    }

    private static bool TryReadLastEventId(HttpRequest request, out long? lastEventId, out string field)
    {
        lastEventId = null;
        field = LastEventIdHeader;
        string? text = request.Headers[LastEventIdHeader];
        if (string.IsNullOrEmpty(text))
        {
            field = LastEventIdQuery;
            text = request.Query[LastEventIdQuery];
        }

        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        lastEventId = value;
        return true;
    }
}
