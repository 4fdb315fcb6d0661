using System.ComponentModel;
using System.Reflection;
using System.Text.RegularExpressions;
using GradRepl.Prelude;

namespace GradRepl.Scripting;

/// <summary>
/// "did you mean pow?" after a compile error naming a member that does not exist on one of the engine's types
/// (<c>torch</c>, <c>Tensor</c>, the prelude's and the plotting library's types): CS0117 (a static member, e.g.
/// <c>torch.tensr</c>) and CS1061 (an instance member, e.g. <c>x.pwo</c>). The candidates are the type's public
/// members, ranked by edit distance, as Python 3.10 suggests attribute names.
/// </summary>
internal static partial class MemberSuggestions
{
    private const int MaxSuggestions = 3;

    // Where engine types come from: the assemblies a script's prelude imports.
    private static readonly Assembly[] EngineAssemblies =
        [typeof(GradRepl.Tensors.Tensor).Assembly, typeof(ScriptGlobals).Assembly, typeof(GradRepl.Plotting.Figure).Assembly];

    /// <summary>
    /// The hint line for a diagnostic (e.g. <c>did you mean pow?</c>), or null when the diagnostic is not about a
    /// missing member of an engine type or no member's name is close enough.
    /// </summary>
    /// <param name="id">The diagnostic's id, e.g. <c>CS1061</c>.</param>
    /// <param name="message">The compiler's message, which names the type and the member.</param>
    public static string? For(string id, string message)
    {
        if (id is not ("CS0117" or "CS1061")) return null;
        var match = MissingMember().Match(message);
        if (!match.Success) return null;
        var type = FindEngineType(match.Groups["type"].Value);
        if (type is null) return null;

        var flags = BindingFlags.Public | (id == "CS0117" ? BindingFlags.Static | BindingFlags.FlattenHierarchy : BindingFlags.Instance);
        var names = type.GetMembers(flags)
            .Where(m => m is not MethodBase { IsSpecialName: true } && m.MemberType != MemberTypes.Constructor && !IsHidden(m))
            .Select(m => m.Name)
            .Concat(id == "CS0117" ? type.GetNestedTypes(BindingFlags.Public).Where(t => !IsHidden(t)).Select(t => GenericBaseName(t.Name)) : [])
            .Distinct(StringComparer.Ordinal);
        var closest = Closest(match.Groups["member"].Value, names);
        return closest.Count == 0 ? null : $"did you mean {string.Join(" or ", closest)}?";
    }

    /// <summary>The names nearest to <paramref name="name"/> (all at the same, smallest distance, at most three).</summary>
    internal static IReadOnlyList<string> Closest(string name, IEnumerable<string> candidates)
    {
        var scored = candidates
            .Where(c => c != name)
            .Select(c => (Name: c, Distance: Distance(name, c)))
            // Python's cut-off: about one edit for every three letters of the two names together.
            .Where(c => c.Distance <= Math.Max(1, (name.Length + c.Name.Length + 3) / 6))
            .ToList();
        if (scored.Count == 0) return [];
        var best = scored.Min(c => c.Distance);
        return scored.Where(c => c.Distance == best)
            .OrderBy(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(MaxSuggestions)
            .Select(c => c.Name)
            .ToList();
    }

    /// <summary>
    /// Edit distance (insertions, deletions, substitutions and swaps of two neighbours each cost one), ignoring case:
    /// <c>pwo</c> is one edit from <c>pow</c>, <c>Pow</c> none.
    /// </summary>
    internal static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }

        return d[a.Length, b.Length];
    }

    // The compiler names the type as C# writes it: "Tensor", "torch.nn.functional", "GradRepl.Tensors.Tensor", "Module<Tensor, Tensor>".
    private static Type? FindEngineType(string displayName)
    {
        var name = GenericArguments().Replace(displayName, "");
        foreach (var assembly in EngineAssemblies)
        {
            foreach (var type in assembly.GetExportedTypes())
            {
                var nested = NestedName(type);
                if (nested == name || (type.Namespace is { } ns && ns + "." + nested == name)) return type;
            }
        }

        return null;
    }

    private static string NestedName(Type type) =>
        type.DeclaringType is { } outer ? NestedName(outer) + "." + GenericBaseName(type.Name) : GenericBaseName(type.Name);

    private static string GenericBaseName(string name) => name.IndexOf('`', StringComparison.Ordinal) is var tick and >= 0 ? name[..tick] : name;

    private static bool IsHidden(MemberInfo member) =>
        member.GetCustomAttribute<EditorBrowsableAttribute>() is { State: EditorBrowsableState.Never };

    [GeneratedRegex("^'(?<type>[^']+)' does not contain a definition for '(?<member>[^']+)'")]
    private static partial Regex MissingMember();

    [GeneratedRegex("<[^<>]*(<[^<>]*>[^<>]*)*>")]
    private static partial Regex GenericArguments();
}
