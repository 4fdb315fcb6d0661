using GradRepl.Plotting.Primitives;

namespace GradRepl.Plotting.Tests.Primitives;

public sealed class PixelPointBufferTests
{
    [Fact]
    public void Add_PastTheInitialCapacity_KeepsEveryPointInOrder()
    {
        var buffer = new PixelPointBuffer(capacity: 1);
        for (var i = 0; i < 100; i++)
        {
            buffer.Add(i, -i);
        }

        Assert.Equal(100, buffer.Count);
        Assert.Equal(new PixelPoint(57, -57), buffer[57]);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => new PixelPoint(i, -i)), buffer.ToArray());
    }

    [Fact]
    public void Truncate_DropsTheTail_AndAddContinuesAfterIt()
    {
        var buffer = new PixelPointBuffer();
        buffer.Add(1, 1);
        buffer.Add(2, 2);
        buffer.Add(3, 3);

        buffer.Truncate(1);
        buffer.Add(4, 4);

        Assert.Equal([new PixelPoint(1, 1), new PixelPoint(4, 4)], buffer.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Truncate(3));
    }

    [Fact]
    public void Indexer_PastCount_Throws()
    {
        var buffer = new PixelPointBuffer();
        buffer.Add(1, 1);
        buffer.Clear();

        Assert.Equal(0, buffer.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer[0]);
    }
}
