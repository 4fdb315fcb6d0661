using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using GradRepl.Bench.StartupProfile;

// Usage: StartupProfile OUT.mibc APP_DIR JIT_SUMMARY...
// APP_DIR is the built tool (its assemblies are loaded to resolve names); each JIT_SUMMARY is a file written by a run
// of that tool with DOTNET_JitStdOutFile=FILE DOTNET_JitDisasmSummary=1.
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: StartupProfile OUT.mibc APP_DIR JIT_SUMMARY...");
    return 2;
}

var (output, appDirectory, summaries) = (args[0], args[1], args[2..]);

var assemblies = new List<Assembly>();
foreach (var file in Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll")
             .Concat(Directory.GetFiles(appDirectory, "*.dll")))
{
    try
    {
        var name = AssemblyName.GetAssemblyName(file);
        var loaded = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == name.Name);
        assemblies.Add(loaded ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.GetFullPath(file)));
    }
    catch (BadImageFormatException)
    {
        // A native library next to the managed ones.
    }
}

var resolver = new MethodResolver(assemblies.Distinct());
var methods = new List<MethodBase>();
var seen = new HashSet<MethodBase>();
int lines = 0, unresolved = 0;
foreach (var summary in summaries)
{
    foreach (var line in File.ReadLines(summary))
    {
        var jitted = JitSummaryParser.ParseLine(line);
        if (jitted is null) continue;
        lines++;
        var resolved = resolver.Resolve(jitted);
        if (resolved.Count == 0 && (jitted.Type.Arguments.Count > 0 || jitted.MethodArguments.Count > 0))
        {
            unresolved++;
            Console.Error.WriteLine($"unresolved: {jitted.Type}:{jitted.Name}");
        }

        // Only instantiations: a plain method that was JIT-compiled is one crossgen2 could not or would not
        // precompile (the script's own, or code the runtime rejects), which a profile does not change.
        foreach (var method in resolved.Where(m => m.DeclaringType!.IsConstructedGenericType || m.IsGenericMethod))
        {
            if (seen.Add(method)) methods.Add(method);
        }
    }
}

// Sorted, so that the same runs make the same profile whatever order the JIT's threads wrote them in.
methods.Sort((a, b) => string.CompareOrdinal(Key(a), Key(b)));
MibcWriter.Write(output, "System.Private.CoreLib", methods);
Console.WriteLine($"{output}: {methods.Count} methods from {lines} JIT-compiled ({unresolved} not resolved)");
return 0;

static string Key(MethodBase method) => method.DeclaringType!.FullName + "::" + method;
