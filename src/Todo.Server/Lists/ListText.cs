using Todo.Server.Data;
using Todo.Server.Text;

namespace Todo.Server.Lists;

/// <summary>The text rule of a list's name (1–100 characters after trimming), shared by request validation and <see cref="ListService"/>.</summary>
public static class ListText
{
    public const string NameRequired = "A name is required.";

    public static readonly TextRule Name = new() { Noun = "list name", MaxLength = Limits.ListNameMaxLength };
}

/// <summary>A list name (<see cref="ListText.Name"/>). Null passes (pair with [Required]).</summary>
public sealed class ListNameAttribute() : TextRuleAttribute(ListText.Name);
