using Todo.Server.Components.Account;

namespace Todo.Tests.Web;

public sealed class CookieSessionTests
{
    [Theory]
    [InlineData("/", "/")]
    [InlineData("/?c=0195f3a2-7b1c-7000-8000-000000000000", "/?c=0195f3a2-7b1c-7000-8000-000000000000")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("javascript:alert(1)", "/")]
    public void AfterSigningInOnlyPagesOfThisSiteAreReturnedTo(string? returnUrl, string expected) =>
        Assert.Equal(expected, CookieSession.LocalTarget(returnUrl));
}
