using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Todo.Server.Accounts;
using Todo.Tests.Infrastructure;

using static Todo.Tests.Infrastructure.ProblemAssert;

namespace Todo.Tests.Accounts;

/// <summary>Registration, sign-in and /me, on each provider.</summary>
public abstract class AccountsApiTests(ApiFixture api)
{
    private static readonly JsonSerializerOptions Json = ApiFixture.Json;

    private static string NewEmail() => $"user-{Guid.NewGuid():N}@example.com";

    private async Task<HttpResponseMessage> RegisterAsync(object body) =>
        await api.CreateClient().PostAsJsonAsync("/api/auth/register", body, Json);

    private async Task<HttpResponseMessage> LoginAsync(string email, string password) =>
        await api.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password }, Json);

    [Fact]
    public async Task RegisterStoresTheEmailTrimmedAndLowerCased()
    {
        var local = $"Ann.{Guid.NewGuid():N}";
        var response = await RegisterAsync(new { email = $"  {local}@Example.COM ", password = "password1" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/auth/me", response.Headers.Location?.OriginalString);
        var user = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal($"{local.ToLowerInvariant()}@example.com", user.GetProperty("email").GetString());
        Assert.True(user.GetProperty("is_active").GetBoolean());
        Assert.NotEqual(Guid.Empty, user.GetProperty("id").GetGuid());
        Assert.True(user.TryGetProperty("created_at", out _));
        Assert.False(user.TryGetProperty("hashed_password", out _));
    }

    [Fact]
    public async Task PasswordIsStoredHashedNotInPlainText()
    {
        var email = NewEmail();
        await RegisterAsync(new { email, password = "plain-text-secret" });

        var stored = await api.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        Assert.DoesNotContain("plain-text-secret", stored.HashedPassword, StringComparison.Ordinal);
        Assert.True(stored.HashedPassword.Length > 40);
    }

    [Fact]
    public async Task RegisterRejectsAnEmailAlreadyTakenInAnyCase()
    {
        var email = NewEmail();
        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(new { email, password = "password1" })).StatusCode);

        var again = await RegisterAsync(new { email = " " + email.ToUpperInvariant(), password = "password2" });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        await AssertProblemAsync(again, 409);
        Assert.Equal(1, await api.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email)));
    }

    [Theory]
    [InlineData(7, HttpStatusCode.BadRequest)]
    [InlineData(8, HttpStatusCode.Created)]
    [InlineData(128, HttpStatusCode.Created)]
    [InlineData(129, HttpStatusCode.BadRequest)]
    public async Task PasswordLengthIsEnforcedAtItsBoundaries(int length, HttpStatusCode expected)
    {
        var email = NewEmail();
        var response = await RegisterAsync(new { email, password = new string('p', length) });

        Assert.Equal(expected, response.StatusCode);
        var stored = await api.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email));
        Assert.Equal(expected == HttpStatusCode.Created, stored);
        if (expected == HttpStatusCode.BadRequest)
        {
            var problem = await AssertProblemAsync(response, 400);
            Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _));
        }
    }

    [Theory]
    [InlineData(255, HttpStatusCode.Created)]
    [InlineData(256, HttpStatusCode.BadRequest)]
    public async Task EmailLengthIsEnforcedAtItsBoundary(int length, HttpStatusCode expected)
    {
        var domain = $"@{Guid.NewGuid():N}.example.com";
        var email = new string('a', length - domain.Length) + domain;

        var response = await RegisterAsync(new { email, password = "password1" });

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("no-at-sign")]
    [InlineData("two@@example.com")]
    [InlineData("@example.com")]
    [InlineData("name@")]
    [InlineData("name@nodot")]
    [InlineData("spa ce@example.com")]
    public async Task RegisterRejectsAnInvalidEmailNamingTheField(string email)
    {
        var response = await RegisterAsync(new { email, password = "password1" });

        var problem = await AssertProblemAsync(response, 400);
        Assert.True(problem.GetProperty("errors").TryGetProperty("email", out _));
    }

    [Fact]
    public async Task LoginReturnsABearerTokenThatIdentifiesTheUser()
    {
        var email = NewEmail();
        await RegisterAsync(new { email, password = "password1" });

        var response = await LoginAsync(email.ToUpperInvariant(), "password1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal("bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(86400, body.GetProperty("expires_in").GetInt32());
        Assert.Equal(email, body.GetProperty("user").GetProperty("email").GetString());

        var token = new JsonWebToken(body.GetProperty("access_token").GetString());
        Assert.Equal(body.GetProperty("user").GetProperty("id").GetString(), token.Subject);
        Assert.Equal(email, token.GetClaim("email").Value);
        Assert.Equal("todo", token.Issuer);
        Assert.Contains("todo", token.Audiences);
        Assert.Equal("HS256", token.Alg);
        Assert.InRange((token.ValidTo - DateTime.UtcNow).TotalHours, 23.9, 24.1);

        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.EncodedToken);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me", Json);
        Assert.Equal(email, me.GetProperty("email").GetString());
    }

    [Fact]
    public async Task LoginFailuresAreIndistinguishable()
    {
        var email = NewEmail();
        await RegisterAsync(new { email, password = "password1" });
        var inactive = NewEmail();
        await RegisterAsync(new { email = inactive, password = "password1" });
        await api.WithDbAsync(db => db.Users.Where(u => u.Email == inactive)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false)));

        var answers = new[]
        {
            await LoginAsync(NewEmail(), "password1"),
            await LoginAsync(email, "password2"),
            await LoginAsync(inactive, "password1"),
        };

        var bodies = new List<string>();
        foreach (var answer in answers)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
            var problem = await answer.Content.ReadFromJsonAsync<Dictionary<string, JsonElement>>(Json);
            problem!.Remove("trace_id");
            bodies.Add(JsonSerializer.Serialize(problem));
        }

        Assert.Single(bodies.Distinct());
        Assert.Contains("incorrect", bodies[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task MeWithoutATokenIs401WithWwwAuthenticate()
    {
        var response = await api.CreateClient().GetAsync("/api/auth/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        await AssertProblemAsync(response, 401);
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("expired")]
    [InlineData("wrong-key")]
    [InlineData("wrong-issuer")]
    [InlineData("unsigned")]
    public async Task MeRejectsAnInvalidOrExpiredToken(string kind)
    {
        var user = await api.CreateUserAsync();
        var token = kind == "not-a-jwt" ? "abc.def.ghi" : ForgeToken(user.Id, kind);
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await client.GetAsync("/api/auth/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task ADeactivatedUserCannotSignInAndItsTokenStopsWorking()
    {
        var user = await api.CreateUserAsync();
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/auth/me")).StatusCode);

        await using (var scope = api.Factory.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<AccountService>().SetActiveAsync(user.Email, false));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(user.Email, user.Password)).StatusCode);

        // The fixture re-reads the active flag every second (Auth:ActiveUserRecheck).
        var deadline = DateTime.UtcNow.AddSeconds(10);
        HttpStatusCode status;
        do
        {
            await Task.Delay(250, TestContext.Current.CancellationToken);
            status = (await user.Client.GetAsync("/api/auth/me")).StatusCode;
        }
        while (status == HttpStatusCode.OK && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task MalformedJsonIsA400Problem()
    {
        var response = await api.CreateClient().PostAsync("/api/auth/register",
            new StringContent("{\"email\": ", Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, 400);
    }

    [Fact]
    public async Task WrongContentTypeIsA415Problem()
    {
        var response = await api.CreateClient().PostAsync("/api/auth/register",
            new StringContent("email=a@b.com&password=password1", Encoding.UTF8, "application/x-www-form-urlencoded"));

        await AssertProblemAsync(response, 415);
    }

    [Fact]
    public async Task ABodyOverOneMebibyteIsA413Problem()
    {
        var email = NewEmail();
        var body = JsonSerializer.Serialize(new { email, password = new string('x', 1024 * 1024) });

        var response = await api.CreateClient().PostAsync("/api/auth/register",
            new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, 413);
        Assert.False(await api.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Theory]
    [InlineData("""{"email": 42, "password": "password1"}""")]
    [InlineData("""{"email": null, "password": "password1"}""")]
    [InlineData("""{"email": ["a@b.com"], "password": "password1"}""")]
    [InlineData("""{"email": {"x": 1}, "password": "password1"}""")]
    [InlineData("""{"password": "password1"}""")]
    [InlineData("""[]""")]
    [InlineData("""null""")]
    [InlineData("""{"email": "' OR 1=1 --@example.com", "password": "password1"}""")]
    public async Task HostileRegistrationBodiesAre4xxAndStoreNothing(string body)
    {
        var before = await api.WithDbAsync(db => db.Users.CountAsync());

        var response = await api.CreateClient().PostAsync("/api/auth/register",
            new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await api.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task DeeplyNestedJsonIsRejected()
    {
        var body = "{\"email\":" + new string('[', 5000) + new string(']', 5000) + ",\"password\":\"password1\"}";

        var response = await api.CreateClient().PostAsync("/api/auth/register",
            new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, 400);
    }

    private static string ForgeToken(Guid userId, string kind)
    {
        var key = kind == "wrong-key" ? "another-key-that-is-also-long-enough-for-hs256" : TodoApiFactory.SigningKey;
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object> { ["sub"] = userId.ToString() },
            Issuer = kind == "wrong-issuer" ? "someone-else" : "todo",
            Audience = "todo",
            IssuedAt = kind == "expired" ? now.AddHours(-3) : now,
            NotBefore = kind == "expired" ? now.AddHours(-3) : now,
            Expires = kind == "expired" ? now.AddHours(-2) : now.AddHours(1),
            SigningCredentials = kind == "unsigned"
                ? null
                : new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}

public sealed class RecheckingSqliteApi : SqliteApi
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Auth:ActiveUserRecheck"] = "00:00:01",
    };
}

public sealed class RecheckingPostgresApi(PostgresServer server) : PostgresApi(server)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Auth:ActiveUserRecheck"] = "00:00:01",
    };
}

public sealed class SqliteAccountsApiTests(RecheckingSqliteApi api) : AccountsApiTests(api), IClassFixture<RecheckingSqliteApi>;

public sealed class PostgresAccountsApiTests(RecheckingPostgresApi api) : AccountsApiTests(api), IClassFixture<RecheckingPostgresApi>;
