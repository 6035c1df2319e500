namespace Todo.Server.Tasks.Filters;

public enum FilterTokenKind
{
    End,
    LeftParenthesis,
    RightParenthesis,
    And,
    Or,
    Not,
    Hash,
    At,
    Colon,
    Word,
    Quoted,
}

/// <summary>One token of a filter; <see cref="Position"/> is the 1-based position of its first character.</summary>
public readonly record struct FilterToken(FilterTokenKind Kind, string Text, int Position)
{
    public bool IsOperator => Kind is FilterTokenKind.And or FilterTokenKind.Or;

    /// <summary>How a message names the token: <c>'&amp;'</c>, <c>'today'</c>, <c>"two words"</c> or "the end of the filter".</summary>
    public string Describe() => Kind switch
    {
        FilterTokenKind.End => "the end of the filter",
        FilterTokenKind.Quoted => $"\"{Text}\"",
        _ => $"'{Text}'",
    };

    /// <summary>The token and where it is: <c>'&amp;' at position 7</c>, "the end of the filter at position 8".</summary>
    public string DescribeAt() => FilterException.Format($"{Describe()} at position {Position}");
}
