using System.ComponentModel.DataAnnotations;

namespace Todo.Server.Tokens;

/// <summary>A token on the wire, without its secret: <c>prefix</c> is its first characters, to tell tokens apart.</summary>
public sealed record PersonalAccessTokenDto(
    Guid Id, string Name, string Prefix, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? LastUsedAt)
{
    public static PersonalAccessTokenDto From(PersonalAccessToken token) =>
        new(token.Id, token.Name, token.Prefix, token.CreatedAt, token.ExpiresAt, token.LastUsedAt);
}

/// <summary>The answer to a creation: the only one that carries <c>token</c>, the secret.</summary>
public sealed record CreatedPersonalAccessTokenDto(
    Guid Id, string Name, string Token, string Prefix, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? LastUsedAt)
{
    public static CreatedPersonalAccessTokenDto From(PersonalAccessToken row, string token) =>
        new(row.Id, row.Name, token, row.Prefix, row.CreatedAt, row.ExpiresAt, row.LastUsedAt);
}

public sealed record PersonalAccessTokenListResponse(IReadOnlyList<PersonalAccessTokenDto> Items);

/// <summary>A new token: a name, and optionally the days until it expires (absent: it never does).</summary>
public sealed record CreateTokenRequest(
    [property: Required(ErrorMessage = TokenText.NameRequired), TokenName] string Name,
    [property: Range(TokenText.MinExpiryDays, TokenText.MaxExpiryDays, ErrorMessage = TokenText.ExpiryProblem)] int? ExpiresInDays = null);
