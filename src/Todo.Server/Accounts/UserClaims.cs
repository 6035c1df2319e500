using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Todo.Server.Accounts;

public static class UserClaims
{
    /// <summary>The signed-in user's id, from the token's <c>sub</c> claim. Only call behind RequireAuthorization.</summary>
    public static Guid GetUserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(JwtRegisteredClaimNames.Sub), out var id)
            ? id
            : throw new InvalidOperationException("The principal carries no user id; is the endpoint authorized?");
}
