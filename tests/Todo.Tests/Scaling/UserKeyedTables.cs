using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Todo.Server.Data;

namespace Todo.Tests.Scaling;

/// <summary>The tables keyed by user, read from the EF Core model: every table of an entity with a user_id column.</summary>
public static class UserKeyedTables
{
    public const string Column = "user_id";

    public static IReadOnlySet<string> Of(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        return Of(scope.ServiceProvider.GetRequiredService<TodoDbContext>().Model);
    }

    public static IReadOnlySet<string> Of(Microsoft.EntityFrameworkCore.Metadata.IModel model) =>
        model.GetEntityTypes()
            .Where(entity => entity.GetTableName() is not null
                             && entity.GetProperties().Any(p => p.GetColumnName() == Column))
            .Select(entity => entity.GetTableName()!)
            .ToHashSet(StringComparer.Ordinal);
}
