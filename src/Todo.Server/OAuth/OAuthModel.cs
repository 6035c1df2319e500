using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace Todo.Server.OAuth;

/// <summary>
/// OpenIddict's entities (registered MCP clients, the grants people gave them, their tokens) in our database, under
/// snake_case table names with an <c>oauth_</c> prefix. The keys are UUIDs like every other table's.
/// </summary>
internal static class OAuthModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.UseOpenIddict<Guid>();
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreApplication<Guid>>().ToTable("oauth_applications");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreAuthorization<Guid>>().ToTable("oauth_authorizations");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreScope<Guid>>().ToTable("oauth_scopes");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreToken<Guid>>().ToTable("oauth_tokens");
    }
}
