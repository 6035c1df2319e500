using Microsoft.AspNetCore.Authorization;

namespace Todo.Server.Accounts;

/// <summary>The original API's routes carry a {user_id}: only the caller's own id is allowed (403 otherwise).</summary>
public static class RouteUser
{
    public const string Parameter = "user_id";

    public static bool IsCaller(AuthorizationHandlerContext context) =>
        context.User.Identity?.IsAuthenticated == true
        && context.Resource is HttpContext http
        && Guid.TryParse(http.GetRouteValue(Parameter) as string, out var routeUserId)
        && routeUserId == context.User.GetUserId();
}
