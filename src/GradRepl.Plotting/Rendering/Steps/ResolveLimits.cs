namespace GradRepl.Plotting.Rendering.Steps;

/// <summary>Fixes the data range for this render: the set limits, or the data range plus margins.</summary>
internal sealed class ResolveLimits : IRenderStep
{
    public void Render(RenderPack pack) => pack.Limits = pack.Plot.Axes.GetLimits();
}
