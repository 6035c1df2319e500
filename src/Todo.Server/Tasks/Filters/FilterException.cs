using System.Globalization;
using Todo.Server.Text;

namespace Todo.Server.Tasks.Filters;

/// <summary>
/// A filter that cannot be read: where (the 1-based character position) and why, in a message that names the position.
/// It is an <see cref="InvalidTextException"/> naming <c>filter</c>, so every entry point answers it as bad input (a 400).
/// </summary>
public sealed class FilterException : InvalidTextException
{
    public const string FieldName = "filter";

    public FilterException(int position, string message)
        : base(FieldName, message) => Position = position;

    /// <summary>The 1-based position of the character at fault (one past the end when the filter stops too early).</summary>
    public int Position { get; }

    internal static FilterException At(int position, string message) => new(position, message);

    internal static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
