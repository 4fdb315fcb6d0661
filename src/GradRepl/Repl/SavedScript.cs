using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GradRepl.Repl;

/// <summary>
/// <c>#save</c>: a session's successful entries as one script that compiles and leaves the session's state. A REPL
/// lets an entry declare again what an earlier one declared; one script does not, so:
/// <list type="bullet">
/// <item>a type or method declared again replaces the earlier declaration (declarations are visible to the whole
/// script, so the earlier entries then use the later one, as the session does from then on);</item>
/// <item>a variable declared again with the same type becomes an assignment (<c>var x = 2;</c> gives <c>x = 2;</c>);
/// with another type, the earlier variable is renamed in the entries that used it (<c>x</c> becomes <c>x_1</c>).</item>
/// </list>
/// </summary>
internal static class SavedScript
{
    /// <summary>The script for <paramref name="submissions"/>, in order.</summary>
    public static string Build(IReadOnlyList<SavedSubmission> submissions, DateTime savedAt)
    {
        var trees = submissions.Select(s => (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(s.SavedText, Submissions.ParseOptions).GetRoot()).ToList();
        var lastDeclaration = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < trees.Count; i++)
        {
            foreach (var member in trees[i].Members)
            {
                if (DeclarationKey(member) is { } key) lastDeclaration[key] = i;
            }
        }

        var texts = new string[trees.Count];
        var variableTypes = new Dictionary<string, string>(StringComparer.Ordinal);
        var renames = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < trees.Count; i++)
        {
            // Replaced declarations go; redeclared variables become assignments.
            var root = trees[i].RemoveNodes(
                trees[i].Members.Where(m => DeclarationKey(m) is { } key && lastDeclaration[key] != i),
                SyntaxRemoveOptions.KeepNoTrivia)!;
            var redeclared = new List<(MemberDeclarationSyntax Member, string Replacement)>();
            foreach (var member in root.Members)
            {
                if (VariableDeclaration(member) is not { } declaration) continue;
                var kept = new List<VariableDeclaratorSyntax>();
                var assignments = new StringBuilder();
                foreach (var declarator in declaration.Variables)
                {
                    var name = declarator.Identifier.ValueText;
                    submissions[i].VariableTypes.TryGetValue(name, out var type);
                    if (!variableTypes.TryGetValue(name, out var earlierType))
                    {
                        kept.Add(declarator);
                    }
                    else if (earlierType == type)
                    {
                        if (declarator.Initializer is { } init) assignments.Append(CultureInfo.InvariantCulture, $"{name} = {init.Value};");
                    }
                    else
                    {
                        // Another type: the earlier variable takes a new name in the entries so far.
                        var renamed = name + "_" + (renames[name] = renames.GetValueOrDefault(name) + 1).ToString(CultureInfo.InvariantCulture);
                        for (int j = 0; j < i; j++) texts[j] = Rename(texts[j], name, renamed);
                        kept.Add(declarator);
                    }

                    if (type is not null) variableTypes[name] = type;
                }

                if (kept.Count == declaration.Variables.Count) continue;
                var replacement = kept.Count == 0 ? "" : member.ReplaceNode(declaration, declaration.WithVariables(SyntaxFactory.SeparatedList(kept))).ToFullString().Trim() + " ";
                redeclared.Add((member, (replacement + assignments).TrimEnd()));
            }

            var text = root.ToFullString();
            foreach (var (member, replacement) in redeclared.OrderByDescending(r => r.Member.SpanStart))
            {
                text = text[..member.SpanStart] + replacement + text[member.Span.End..];
            }

            texts[i] = text;
        }

        var sb = new StringBuilder();
        sb.Append("// Saved from a gradrepl session on ").Append(savedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append('\n');
        for (int i = 0; i < texts.Length; i++)
        {
            var body = texts[i].TrimStart('\r', '\n').TrimEnd();
            if (body.Length == 0) continue;
            if (submissions[i].Path is { } path) sb.Append("// from ").Append(GradRepl.Scripting.DiagnosticFormatter.DisplayPath(path)).Append('\n');
            sb.Append(body).Append('\n');
        }

        return sb.ToString();
    }

    // Types by name and arity, methods by name and parameter types: what a later entry replaces.
    private static string? DeclarationKey(MemberDeclarationSyntax member) => member switch
    {
        BaseTypeDeclarationSyntax type => $"type {type.Identifier.ValueText}`{(type as TypeDeclarationSyntax)?.Arity ?? 0}",
        DelegateDeclarationSyntax d => $"type {d.Identifier.ValueText}`{d.Arity}",
        MethodDeclarationSyntax method => $"method {method.Identifier.ValueText}`{method.Arity}({string.Join(",", method.ParameterList.Parameters.Select(p => p.Type?.ToString().Replace(" ", "", StringComparison.Ordinal)))})",
        PropertyDeclarationSyntax property => $"property {property.Identifier.ValueText}",
        GlobalStatementSyntax { Statement: LocalFunctionStatementSyntax function } =>
            $"method {function.Identifier.ValueText}`{function.TypeParameterList?.Parameters.Count ?? 0}({string.Join(",", function.ParameterList.Parameters.Select(p => p.Type?.ToString().Replace(" ", "", StringComparison.Ordinal)))})",
        _ => null,
    };

    private static VariableDeclarationSyntax? VariableDeclaration(MemberDeclarationSyntax member) => member switch
    {
        FieldDeclarationSyntax field => field.Declaration,
        GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax local } => local.Declaration,
        _ => null,
    };

    /// <summary>Renames the variable <paramref name="name"/> where <paramref name="code"/> declares or uses it (not members of the same name).</summary>
    private static string Rename(string code, string name, string renamed)
    {
        var root = CSharpSyntaxTree.ParseText(code, Submissions.ParseOptions).GetRoot();
        var tokens = root.DescendantTokens()
            .Where(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText == name && IsVariableToken(t))
            .ToList();
        return root.ReplaceTokens(tokens, (t, _) => SyntaxFactory.Identifier(t.LeadingTrivia, renamed, t.TrailingTrivia)).ToFullString();
    }

    private static bool IsVariableToken(SyntaxToken token) => token.Parent switch
    {
        VariableDeclaratorSyntax => true,
        IdentifierNameSyntax name => name.Parent switch
        {
            MemberAccessExpressionSyntax access => access.Expression == name,
            MemberBindingExpressionSyntax or NameColonSyntax or QualifiedNameSyntax => false,
            _ => true,
        },
        _ => false,
    };
}
