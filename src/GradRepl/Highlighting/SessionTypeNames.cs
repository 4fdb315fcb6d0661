using GradRepl.Repl;
using Microsoft.CodeAnalysis;

namespace GradRepl.Highlighting;

/// <summary>
/// The names of the types visible in the session (prelude, imported namespaces, types declared in earlier entries),
/// looked up on a background thread after the warm-up and after each entry that declares a type; empty until then.
/// </summary>
internal sealed class SessionTypeNames(ReplSession session)
{
    private volatile IReadOnlySet<string> _names = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The names known so far.</summary>
    public IReadOnlySet<string> Current => _names;

    /// <summary>Looks the names up again in the background.</summary>
    public void Refresh()
    {
        _ = Task.Run(() =>
        {
            try
            {
                var compilation = session.Continue("").GetCompilation();
                var tree = compilation.SyntaxTrees.First();
                var names = compilation.GetSemanticModel(tree).LookupNamespacesAndTypes(0)
                    .OfType<INamedTypeSymbol>()
                    .Select(t => t.Name)
                    .ToHashSet(StringComparer.Ordinal);
                _names = names;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Colouring is cosmetic; keep the old names.
            }
        });
    }
}
