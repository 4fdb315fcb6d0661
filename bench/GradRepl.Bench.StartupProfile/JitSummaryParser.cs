namespace GradRepl.Bench.StartupProfile;

/// <summary>A method as the JIT names it in a <c>DOTNET_JitDisasmSummary</c> line.</summary>
/// <param name="Type">The owning type, e.g. <c>List`1[System.__Canon]</c> as a parsed name.</param>
/// <param name="Name">The method's own name (<c>.ctor</c>, <c>Add</c>, <c>&lt;CreatePool&gt;b__0</c>).</param>
/// <param name="MethodArguments">The generic method's type arguments; empty when it has none.</param>
/// <param name="Parameters">Parameter types as printed (<c>int</c>, <c>byref</c>, a type name).</param>
internal sealed record JittedMethod(TypeName Type, string Name, IReadOnlyList<TypeName> MethodArguments, IReadOnlyList<TypeName> Parameters);

/// <summary>A type name as the JIT prints it: <c>Ns.Outer`1+Inner[Arg1,Arg2][]</c>.</summary>
internal sealed record TypeName(string Name, IReadOnlyList<TypeName> Arguments, int ArrayRank)
{
    public override string ToString() =>
        Name + (Arguments.Count > 0 ? "[" + string.Join(",", Arguments) + "]" : "") + string.Concat(Enumerable.Repeat("[]", ArrayRank));
}

/// <summary>
/// Reads the lines <c>DOTNET_JitStdOutFile</c> + <c>DOTNET_JitDisasmSummary=1</c> write:
/// <c>  12: JIT compiled Ns.Type`1[int]:Method[T](int,byref) [Tier0, IL size=.., code size=..]</c>.
/// Only first compilations count (Tier0, instrumented Tier0, MinOpts): a Tier1 or OSR line is a method that was
/// already running, not one that start-up waited for.
/// </summary>
internal static class JitSummaryParser
{
    private const string Marker = "JIT compiled ";

    public static JittedMethod? ParseLine(string line)
    {
        var start = line.IndexOf(Marker, StringComparison.Ordinal);
        if (start < 0) return null;
        var text = line[(start + Marker.Length)..];
        var tierAt = text.LastIndexOf(" [", StringComparison.Ordinal);
        if (tierAt < 0) return null;
        var tier = text[(tierAt + 2)..];
        if (!(tier.StartsWith("Tier0", StringComparison.Ordinal) || tier.StartsWith("Instrumented Tier0", StringComparison.Ordinal)
              || tier.StartsWith("MinOpts", StringComparison.Ordinal) || tier.StartsWith("Tier-0", StringComparison.Ordinal)))
            return null;
        text = text[..tierAt];

        var colon = IndexAtDepthZero(text, ':');
        if (colon < 0) return null;
        var type = ParseType(text[..colon]);
        var rest = text[(colon + 1)..];
        var open = rest.IndexOf('(');
        if (open < 0 || !rest.EndsWith(')')) return null;
        var nameAndArguments = rest[..open];
        var parameters = SplitAtDepthZero(rest[(open + 1)..^1]).Select(ParseType).ToList();

        // A generic method prints its arguments in brackets after the name: CreateBuilder[S](int).
        IReadOnlyList<TypeName> methodArguments = [];
        var name = nameAndArguments;
        if (nameAndArguments.EndsWith(']'))
        {
            var bracket = FindMatchingOpen(nameAndArguments, nameAndArguments.Length - 1);
            name = nameAndArguments[..bracket];
            methodArguments = SplitAtDepthZero(nameAndArguments[(bracket + 1)..^1]).Select(ParseType).ToList();
        }

        return new JittedMethod(type, name, methodArguments, parameters);
    }

    public static TypeName ParseType(string text)
    {
        text = text.Trim();
        var rank = 0;
        while (text.EndsWith("[]", StringComparison.Ordinal))
        {
            rank++;
            text = text[..^2];
        }

        if (!text.EndsWith(']')) return new TypeName(text, [], rank);
        var open = FindMatchingOpen(text, text.Length - 1);
        var arguments = SplitAtDepthZero(text[(open + 1)..^1]).Select(ParseType).ToList();
        return new TypeName(text[..open], arguments, rank);
    }

    private static int FindMatchingOpen(string text, int close)
    {
        var depth = 0;
        for (var i = close; i >= 0; i--)
        {
            if (text[i] == ']') depth++;
            else if (text[i] == '[' && --depth == 0) return i;
        }

        throw new FormatException($"unbalanced brackets in '{text}'");
    }

    private static int IndexAtDepthZero(string text, char c)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '[' or '(' or '<') depth++;
            else if (text[i] is ']' or ')' or '>') depth--;
            else if (text[i] == c && depth == 0) return i;
        }

        return -1;
    }

    private static List<string> SplitAtDepthZero(string text)
    {
        var parts = new List<string>();
        if (text.Length == 0) return parts;
        var depth = 0;
        var from = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '[' or '<') depth++;
            else if (text[i] is ']' or '>') depth--;
            else if (text[i] == ',' && depth == 0)
            {
                parts.Add(text[from..i]);
                from = i + 1;
            }
        }

        parts.Add(text[from..]);
        return parts;
    }
}
