using Todo.Server.Http;
using Todo.Server.Tasks;

namespace Todo.Tests.Http;

/// <summary>The one cursor format of tasks and conversations: read back exactly, refused when edited or used on another list.</summary>
public sealed class PageCursorTests
{
    [Fact]
    public void FieldsComeBackAsWritten()
    {
        var cursor = PageCursor.Encode(PageCursorKind.Conversations, [1, 2, 3]);

        Assert.True(PageCursor.TryDecode(cursor, PageCursorKind.Conversations, out var fields));
        Assert.Equal([1, 2, 3], fields);
    }

    [Fact]
    public void ACursorOfOneListIsRefusedByAnother()
    {
        var tasks = new TaskCursor(TaskSort.Number, 7).Encode();

        Assert.True(TaskCursor.TryDecode(tasks, out var read));
        Assert.Equal(7, read!.Number);
        Assert.False(PageCursor.TryDecode(tasks, PageCursorKind.Conversations, out _));
    }

    [Fact]
    public void APriorityCursorKeepsItsPriorityAndRefusesOneOutsideTheFour()
    {
        var cursor = new TaskCursor(TaskSort.Priority, 12, Priority: TaskPriority.Medium);

        Assert.True(TaskCursor.TryDecode(cursor.Encode(), out var read));
        Assert.Equal(cursor, read);
        Assert.False(TaskCursor.TryDecode(PageCursor.Encode(PageCursorKind.Tasks, [(byte)TaskSort.Priority, 12, 0, 0, 0, 4]), out _));
        Assert.False(TaskCursor.TryDecode(PageCursor.Encode(PageCursorKind.Tasks, [(byte)TaskSort.Priority, 12, 0, 0, 0]), out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(-1)]
    public void AnEditedCursorIsRefused(int position)
    {
        var cursor = PageCursor.Encode(PageCursorKind.Tasks, [1, 7, 0, 0, 0]).ToCharArray();
        var index = position < 0 ? cursor.Length + position : position;
        cursor[index] = cursor[index] == 'A' ? 'B' : 'A';

        Assert.False(PageCursor.TryDecode(new string(cursor), PageCursorKind.Tasks, out _));
    }
}
