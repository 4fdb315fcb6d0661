namespace GradRepl.Plotting.Rendering;

/// <summary>One step of drawing a plot; steps run in order and share a <see cref="RenderPack"/>.</summary>
internal interface IRenderStep
{
    void Render(RenderPack pack);
}
