namespace GradRepl.Plotting.Rendering;

/// <summary>Which point along a line of text sits on its anchor.</summary>
internal enum TextAlign
{
    Start,
    Middle,
    End,
}
