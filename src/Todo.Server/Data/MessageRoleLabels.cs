using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using Todo.Server.Chat;

namespace Todo.Server.Data;

/// <summary>The stored labels of <see cref="MessageRole"/>: the enum member names in upper case (USER, ASSISTANT).</summary>
internal sealed class MessageRoleLabels : INpgsqlNameTranslator
{
    public const string PostgresTypeName = "message_role";

    public static readonly MessageRoleLabels Translator = new();

    public static readonly string[] All = [.. Enum.GetNames<MessageRole>().Select(name => name.ToUpperInvariant())];

    public static readonly ValueConverter<MessageRole, string> Converter = new(
        role => role.ToString().ToUpperInvariant(),
        label => Enum.Parse<MessageRole>(label, ignoreCase: true));

    public string TranslateTypeName(string clrName) => clrName;

    public string TranslateMemberName(string clrName) => clrName.ToUpperInvariant();
}
