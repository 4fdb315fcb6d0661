using GradRepl.Tensors;
using GradRepl.Tensors.Autograd;

namespace GradRepl.Prelude;

/// <summary>
/// The prelude for F# scripts under <c>dotnet fsi</c>. After <c>open type GradRepl.Prelude.Fsi</c>, <c>print</c>,
/// <c>str</c>, <c>show</c>, <c>gradcheck</c> and the figure calls (<c>figure</c>, <c>plot</c>, <c>xlabel</c>,
/// <c>ylabel</c>, <c>title</c>, <c>legend</c>, <c>savefig</c>) work as they do in a C# script, on one ready
/// <see cref="Globals"/> that prints to the console and saves <c>show()</c>'s figures under <c>./plots</c>.
/// </summary>
public static class Fsi
{
    /// <summary>
    /// The script globals F# calls act on, from any thread. <see cref="ScriptGlobals"/>'s static members, everything a
    /// C# script sees, act on them too once this class has been used (<c>ScriptGlobals.ylim (-1.0, 1.0)</c>).
    /// </summary>
    public static ScriptGlobals Globals { get; }

    // A static constructor, not an initializer, so that it has run before any member of this class is called: the
    // members call ScriptGlobals, which finds these globals only once they are the process default.
    static Fsi()
    {
        Globals = new ScriptGlobals(new ScriptEnvironment
        {
            Output = new TextWriterScriptOutput(Console.Out, Console.Error),
            ScriptPath = "fsi",
        });
        // dotnet fsi runs one script per process and makes no globals current
        Globals.MakeProcessDefault();
    }

    /// <inheritdoc cref="ScriptGlobals.print()"/>
    public static void print() => ScriptGlobals.print();

    /// <inheritdoc cref="ScriptGlobals.print(object)"/>
    public static void print(object? value) => ScriptGlobals.print(value);

    /// <inheritdoc cref="ScriptGlobals.print(object, object[])"/>
    public static void print(object? value, params object?[]? values) => ScriptGlobals.print(value, values);

    /// <inheritdoc cref="ScriptGlobals.str(object)"/>
    public static string str(object? value) => ScriptGlobals.str(value);

    /// <inheritdoc cref="ScriptGlobals.show(Tensor)"/>
    public static void show(Tensor t) => ScriptGlobals.show(t);

    /// <inheritdoc cref="ScriptGlobals.show(Node)"/>
    public static void show(Node node) => ScriptGlobals.show(node);

    /// <summary>Shows the current figure: saves it as <c>plots/fsi-&lt;n&gt;.png</c> and prints the path.</summary>
    public static void show() => ScriptGlobals.show();

    /// <inheritdoc cref="ScriptGlobals.gradcheck"/>
    public static bool gradcheck(Func<Tensor, Tensor> f, Tensor x) => ScriptGlobals.gradcheck(f, x);

    /// <summary>Starts a new current figure (matplotlib's <c>plt.figure()</c>).</summary>
    public static void figure() => ScriptGlobals.figure();

    /// <summary>Adds a line through the points (x[i], y[i]) to the current figure, like <c>plt.plot(x, y, label=...)</c>.</summary>
    /// <param name="x">X values.</param>
    /// <param name="y">Y values, as many as <paramref name="x"/>.</param>
    /// <param name="label">Legend text.</param>
    public static void plot(Tensor x, Tensor y, string? label = null) => ScriptGlobals.plot(x, y, label: label);

    /// <summary>Sets the current figure's x-axis label.</summary>
    /// <param name="text">The label.</param>
    public static void xlabel(string text) => ScriptGlobals.xlabel(text);

    /// <summary>Sets the current figure's y-axis label.</summary>
    /// <param name="text">The label.</param>
    public static void ylabel(string text) => ScriptGlobals.ylabel(text);

    /// <summary>Sets the current figure's title.</summary>
    /// <param name="text">The title.</param>
    public static void title(string text) => ScriptGlobals.title(text);

    /// <summary>Shows a legend with the labels given to <c>plot</c>.</summary>
    public static void legend() => ScriptGlobals.legend();

    /// <summary>Saves the current figure (PNG, or SVG for a path ending in <c>.svg</c>); relative paths are relative to the working directory.</summary>
    /// <param name="path">Where to save.</param>
    public static void savefig(string path) => ScriptGlobals.savefig(path);
}
