namespace Todo.Server.Accounts;

/// <summary>
/// The caller's account no longer exists (its row was removed while one of its tokens is still valid), found when a
/// write of the user's own rows had no user to belong to. Every API answers it as a 401, like an unknown token.
/// </summary>
public sealed class AccountGoneException(Guid userId, Exception? inner = null)
    : Exception("The account no longer exists.", inner)
{
    public Guid UserId { get; } = userId;
}
