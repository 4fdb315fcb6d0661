using System.Reflection;

namespace GradRepl.Prelude;

/// <summary>The namespaces and assemblies every script gets without <c>using</c> or <c>#r</c>.</summary>
public static class DefaultImports
{
    /// <summary>Namespaces imported into every script.</summary>
    public static IReadOnlyList<string> Namespaces { get; } =
    [
        "System",
        "System.Collections.Generic",
        "System.Linq",
        "System.Text",
        "System.Threading.Tasks",
        "GradRepl.Tensors",
        // torch.nn's module types (Linear, Sequential, MSELoss, Parameter, ...), named bare as TorchSharp.Modules' are
        "GradRepl.Tensors.Modules",
        "GradRepl.Plotting",
    ];

    /// <summary>Assemblies referenced by every script: the prelude itself and what its globals expose.</summary>
    public static IReadOnlyList<Assembly> Assemblies { get; } =
    [
        typeof(ScriptGlobals).Assembly,
        typeof(GradRepl.Tensors.Tensor).Assembly,
        typeof(GradRepl.Plotting.Figure).Assembly,
    ];

    private static string PlottingDirectory => Path.GetDirectoryName(typeof(GradRepl.Plotting.Figure).Assembly.Location) ?? AppContext.BaseDirectory;

    /// <summary>
    /// Libraries the globals expose that scripts also reference (ScottPlot, for <c>gca()</c>; SkiaSharp, which its API
    /// names), as file paths beside the plotting assembly: an <see cref="Assembly"/> would load them in every run.
    /// </summary>
    public static IReadOnlyList<string> LibraryPaths { get; } =
    [
        Path.Combine(PlottingDirectory, "ScottPlot.dll"),
        Path.Combine(PlottingDirectory, "SkiaSharp.dll"),
    ];
}
