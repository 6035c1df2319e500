using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Todo.Server.Http;

/// <summary>
/// The names an enum goes by on the wire, declared once on its members with <see cref="JsonStringEnumMemberNameAttribute"/>
/// (else the member's snake_case name): how JSON writes it and how query strings, tools and documentation read it.
/// </summary>
public static class WireNames
{
    public static IReadOnlyList<string> Of<TEnum>()
        where TEnum : struct, Enum => Members<TEnum>.Names;

    /// <summary>"a, b, c": the names, for messages.</summary>
    public static string List<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", Members<TEnum>.Names);

    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => Members<TEnum>.All.First(m => m.Value.Equals(value)).Name;

    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var (member, name) in Members<TEnum>.All)
        {
            if (string.Equals(name, text, StringComparison.Ordinal))
            {
                value = member;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The value named <paramref name="text"/>, which validation has already accepted.</summary>
    public static TEnum Parse<TEnum>(string text)
        where TEnum : struct, Enum =>
        TryParse(text, out TEnum value) ? value : throw new ArgumentException($"\"{text}\" is not one of: {List<TEnum>()}.", nameof(text));

    private static class Members<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly (TEnum Value, string Name)[] All =
        [
            .. Enum.GetValues<TEnum>().Select(value => (value, typeof(TEnum).GetField(value.ToString())!
                .GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
                ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString()))),
        ];

        public static readonly string[] Names = [.. All.Select(m => m.Name)];
    }
}

/// <summary>A query value that must be one of <typeparamref name="TEnum"/>'s <see cref="WireNames"/>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class WireNameAttribute<TEnum>() : ValidationAttribute($"Use one of: {WireNames.List<TEnum>()}.")
    where TEnum : struct, Enum
{
    public override bool IsValid(object? value) => value is not string text || WireNames.TryParse<TEnum>(text, out _);
}
