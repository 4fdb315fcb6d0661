namespace GradRepl.Plotting.TickGenerators;

/// <summary>A major tick: its data position and its label.</summary>
internal readonly record struct Tick(double Position, string Label)
{
    /// <summary>No ticks. Not <c>[]</c>: <c>Array.Empty&lt;Tick&gt;()</c> would be JIT-compiled at start-up (bench/README.md).</summary>
    public static readonly Tick[] None = new Tick[0];

    /// <summary>Width in pixels of the widest label of <paramref name="ticks"/> (0 when there are none).</summary>
    public static float WidestLabel(Tick[] ticks, Text.Font font, float size)
    {
        // a loop, not ticks.Max(...): LINQ over this struct would be JIT-compiled at start-up
        var widest = 0f;
        foreach (var t in ticks)
        {
            widest = Math.Max(widest, font.Width(t.Label, size));
        }

        return widest;
    }
}
