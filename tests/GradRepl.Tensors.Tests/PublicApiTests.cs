using System.Reflection;
using GradRepl.TestSupport;

namespace GradRepl.Tensors.Tests;

/// <summary>
/// Keeps the torch-shaped public surface from changing by accident: the engine's public members are
/// listed and compared with Data/public-api.txt. After an intended change, regenerate the file with
/// GRADREPL_UPDATE_SNAPSHOTS=1 dotnet test tests/GradRepl.Tensors.Tests --filter PublicApi
/// and review its diff.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void PublicSurface_MatchesSnapshot()
    {
        var actual = string.Join("\n", Describe(typeof(Tensor).Assembly)) + "\n";
        var snapshot = Path.Combine(RepositoryPaths.Root, "tests", "GradRepl.Tensors.Tests", "Data", "public-api.txt");
        if (Environment.GetEnvironmentVariable("GRADREPL_UPDATE_SNAPSHOTS") == "1") File.WriteAllText(snapshot, actual);
        Assert.Equal(File.ReadAllText(snapshot), actual);
    }

    private static IEnumerable<string> Describe(Assembly assembly)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            yield return "type " + type.FullName;
            var members = type.GetMembers(flags)
                .Where(m => m is not MethodInfo { IsSpecialName: true } || m.Name.StartsWith("op_", StringComparison.Ordinal))
                .Select(Member)
                .Order(StringComparer.Ordinal);
            foreach (var member in members) yield return "  " + member;
        }
    }

    private static string Member(MemberInfo m) => m switch
    {
        MethodInfo mi => $"{(mi.IsStatic ? "static " : "")}{Name(mi.ReturnType)} {mi.Name}({Parameters(mi)})",
        ConstructorInfo ci => $"ctor({Parameters(ci)})",
        PropertyInfo pi => $"{Name(pi.PropertyType)} {pi.Name}{(pi.GetIndexParameters().Length > 0 ? "[" + string.Join(", ", pi.GetIndexParameters().Select(p => Name(p.ParameterType))) + "]" : "")}",
        FieldInfo fi => $"{(fi.IsLiteral ? "const " : fi.IsStatic ? "static " : "")}{Name(fi.FieldType)} {fi.Name}",
        Type nested => "nested " + nested.Name,
        _ => m.MemberType + " " + m.Name,
    };

    private static string Parameters(MethodBase method)
        => string.Join(", ", method.GetParameters().Select(p => $"{Name(p.ParameterType)} {p.Name}{(p.HasDefaultValue ? " = " + (p.DefaultValue ?? "null") : "")}"));

    private static string Name(Type t) => t.IsGenericType
        ? $"{t.Name[..t.Name.IndexOf('`')]}<{string.Join(", ", t.GetGenericArguments().Select(Name))}>"
        : t.Name;
}
