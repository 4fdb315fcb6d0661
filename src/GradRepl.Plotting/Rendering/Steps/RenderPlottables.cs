namespace GradRepl.Plotting.Rendering.Steps;

/// <summary>Draws every plottable in the order added, clipped to the axes box.</summary>
internal sealed class RenderPlottables : IRenderStep
{
    public void Render(RenderPack pack)
    {
        foreach (var p in pack.Plot.Plottables)
        {
            p.Render(pack);
        }
    }
}
