using Todo.Server.Http;
using Todo.Server.Tasks;

namespace Todo.Tests.Http;

/// <summary>Status and sort have their wire names in one place, which the API, the tools and OpenAPI all read.</summary>
public sealed class WireNamesTests
{
    [Fact]
    public void SortAndStatusGoByTheDocumentedNames()
    {
        Assert.Equal(["number", "created_at", "-created_at", "title", "updated_at", "-updated_at", "priority", "due"], WireNames.Of<TaskSort>());
        Assert.Equal(["all", "pending", "completed"], WireNames.Of<TaskStatusFilter>());
    }

    [Fact]
    public void EveryNameReadsBackAsItsValue()
    {
        foreach (var sort in Enum.GetValues<TaskSort>())
        {
            Assert.True(WireNames.TryParse(WireNames.Name(sort), out TaskSort read));
            Assert.Equal(sort, read);
        }

        Assert.False(WireNames.TryParse("CreatedAtDescending", out TaskSort _));
        Assert.False(WireNames.TryParse("Pending", out TaskStatusFilter _));
    }
}
