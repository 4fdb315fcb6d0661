using GradRepl.Plotting.Tests.Support;
using SkiaSharp;

namespace GradRepl.Plotting.Tests.Style;

/// <summary>
/// Text is drawn with the embedded DejaVu Sans even where the machine has no fonts at all: this test project runs
/// itself again in a private mount namespace with an empty directory mounted over the font directories.
/// </summary>
public sealed class NoSystemFontsTests
{
    private const string ChildVariable = "GRADREPL_TEST_NO_FONTS";

    [Fact]
    public void Render_NoFontsInstalled_TextStillDrawn()
    {
        Assert.SkipUnless(Environment.UserName == "root" && File.Exists("/usr/bin/unshare"), "needs root and unshare to hide the system fonts");
        var empty = Directory.CreateTempSubdirectory("gradrepl-no-fonts-").FullName;
        try
        {
            var hide = string.Join(" && ", new[] { "/usr/share/fonts", "/usr/local/share/fonts" }
                .Where(Directory.Exists).Select(d => $"mount --bind {empty} {d}"));
            var self = Path.Combine(AppContext.BaseDirectory, "GradRepl.Plotting.Tests.dll");
            var command = $"{hide} && {ChildVariable}=1 dotnet {self} -method '{typeof(NoSystemFontsTests).FullName}.{nameof(Child_RendersLabFigure)}'";

            var (exit, output, error) = ExternalTools.Run("/usr/bin/unshare", ["-m", "sh", "-c", command]);

            Assert.True(exit == 0, $"the fontless run failed ({exit}):\n{output}\n{error}");
            Assert.Contains("Total: 1, Errors: 0, Failed: 0, Skipped: 0", output);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    /// <summary>Run by the test above in the fontless namespace; skipped otherwise.</summary>
    [Fact]
    public void Child_RendersLabFigure()
    {
        Assert.SkipUnless(Environment.GetEnvironmentVariable(ChildVariable) == "1", "runs only inside Render_NoFontsInstalled_TextStillDrawn");

        // the system has no DejaVu (nor any other real font) to fall back on
        Assert.Null(SKFontManager.Default.MatchFamily("DejaVu Sans"));
        Assert.Null(SKFontManager.Default.MatchFamily("DejaVu Serif"));
        using var image = LabFigures.Rasterize(LabFigures.Square());
        // the y tick labels left of the axes and the x label under them
        Assert.True(ImageProbe.CountInk(image, 30, 60, 76, 420) > 300, "no tick labels");
        Assert.True(ImageProbe.CountInk(image, 320, 458, 334, 468) > 10, "no x label");
    }
}
