using GradRepl.Plotting.Rendering.Steps;

namespace GradRepl.Plotting.Rendering;

/// <summary>The ordered render steps; to draw something new, insert a step.</summary>
internal static class RenderPipeline
{
    private static readonly IRenderStep[] s_steps =
    [
        new ClearCanvas(),
        new ResolveLimits(),
        new CalculateLayout(),
        new RenderPlottables(),
        new DrawFrame(),
        new DrawTicks(),
        new DrawAxisLabels(),
        new DrawLegend(),
    ];

    public static RenderPack Render(Plot plot, ICanvas canvas)
    {
        var pack = new RenderPack(plot, canvas);
        foreach (var step in s_steps)
        {
            step.Render(pack);
        }

        return pack;
    }
}
