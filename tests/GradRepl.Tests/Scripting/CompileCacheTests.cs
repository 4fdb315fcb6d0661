using GradRepl.Scripting;

namespace GradRepl.Tests.Scripting;

public sealed class CompileCacheTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gradrepl-cache-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static CompiledScript Sample() => new([1, 2, 3, 4], [5, 6], "Submission#0", "<Factory>");

    [Fact]
    public void TryRead_AfterWrite_ReturnsSameEntry()
    {
        var cache = new CompileCache(_directory);
        cache.TryWrite("key", Sample());

        var entry = cache.TryRead("key");

        Assert.NotNull(entry);
        Assert.Equal(Sample().Image, entry.Image);
        Assert.Equal(Sample().Symbols, entry.Symbols);
        Assert.Equal("Submission#0", entry.EntryTypeName);
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp"));
    }

    [Fact]
    public void TryRead_FlippedByte_ReturnsNullAndDeletesEntry()
    {
        var cache = new CompileCache(_directory);
        cache.TryWrite("key", Sample());
        var bytes = File.ReadAllBytes(cache.EntryPath("key"));
        bytes[10] ^= 1;
        File.WriteAllBytes(cache.EntryPath("key"), bytes);

        Assert.Null(cache.TryRead("key"));
        Assert.False(File.Exists(cache.EntryPath("key")));
    }

    [Fact]
    public void TryRead_Missing_ReturnsNull()
    {
        Assert.Null(new CompileCache(_directory).TryRead("absent"));
    }

    [Fact]
    public void TryWrite_UnwritableDirectory_DoesNotThrow()
    {
        var file = Path.Combine(_directory, "not-a-directory");
        File.WriteAllText(file, "");

        new CompileCache(file).TryWrite("key", Sample());
    }

    [Fact]
    public void ComputeCacheKey_DifferentText_DifferentKey()
    {
        var a = ScriptSource.Create(Path.Combine(_directory, "a.csx"), "print(1);").ComputeCacheKey();
        var b = ScriptSource.Create(Path.Combine(_directory, "a.csx"), "print(2);").ComputeCacheKey();
        var a2 = ScriptSource.Create(Path.Combine(_directory, "a.csx"), "print(1);").ComputeCacheKey();

        Assert.NotEqual(a, b);
        Assert.Equal(a, a2);
        Assert.Equal(64, a.Length);
    }

    [Fact]
    public void Create_LoadDirectives_FoundRecursively()
    {
        File.WriteAllText(Path.Combine(_directory, "b.csx"), "#load \"c.csx\"\n");
        File.WriteAllText(Path.Combine(_directory, "c.csx"), "var c = 1;\n");

        var source = ScriptSource.Create(Path.Combine(_directory, "a.csx"), "#load \"b.csx\"\n#r \"lib.dll\"\n");

        Assert.Equal([Path.Combine(_directory, "b.csx"), Path.Combine(_directory, "c.csx")], source.LoadedFiles);
        Assert.Equal([Path.Combine(_directory, "lib.dll")], source.References);
    }
}
