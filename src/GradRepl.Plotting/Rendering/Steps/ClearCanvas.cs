namespace GradRepl.Plotting.Rendering.Steps;

/// <summary>Paints the whole figure white.</summary>
internal sealed class ClearCanvas : IRenderStep
{
    public void Render(RenderPack pack) => pack.Canvas.Clear(Theme.Background);
}
