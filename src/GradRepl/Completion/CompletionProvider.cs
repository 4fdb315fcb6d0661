using System.ComponentModel;
using GradRepl.Repl;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GradRepl.Completion;

/// <summary>
/// Completions from Roslyn's semantic model over the whole session: the typed text is compiled as the session's next
/// submission (never run), and the names visible at the cursor are looked up: members after <c>.</c> (instance
/// members and extension methods of the value, static members of a type, types of a namespace), otherwise every
/// name in scope (earlier variables, prelude globals, imported types) and C# keywords.
/// </summary>
internal sealed class CompletionProvider(ReplSession session)
{
    private static readonly string[] Keywords =
        SyntaxFacts.GetKeywordKinds().Select(SyntaxFacts.GetText)
            .Concat(SyntaxFacts.GetContextualKeywordKinds().Select(SyntaxFacts.GetText))
            .Where(k => k.Length > 2 && !k.StartsWith("__", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    /// <summary>
    /// The candidates for the identifier being typed at <paramref name="caret"/> in <paramref name="code"/>: where the
    /// identifier starts, and the names that complete it (those starting with it case-sensitively first, then others).
    /// </summary>
    public CompletionResult GetCompletions(string code, int caret)
    {
        caret = Math.Clamp(caret, 0, code.Length);
        int start = caret;
        while (start > 0 && (char.IsLetterOrDigit(code[start - 1]) || code[start - 1] == '_')) start--;
        var word = code[start..caret];
        if (word.Length > 0 && char.IsDigit(word[0])) return new CompletionResult(start, word, []);

        var script = session.Continue(code);
        var compilation = script.GetCompilation();
        var tree = compilation.SyntaxTrees.First();
        var model = compilation.GetSemanticModel(tree);
        var root = tree.GetRoot();

        IEnumerable<ISymbol> symbols;
        bool member = false;
        var previous = start > 0 ? root.FindToken(start - 1) : default;
        if (previous.IsKind(SyntaxKind.DotToken) && Receiver(previous) is { } receiver)
        {
            member = true;
            symbols = Members(model, receiver, start);
        }
        else if (previous.IsKind(SyntaxKind.DotToken) || InsideTrivia(root, start))
        {
            return new CompletionResult(start, word, []);
        }
        else
        {
            symbols = model.LookupSymbols(start).Where(s => s.ContainingType?.SpecialType != SpecialType.System_Object);
        }

        var names = symbols
            .Where(s => s.CanBeReferencedByName && !IsHidden(s) && !s.Name.StartsWith("__", StringComparison.Ordinal))
            .Select(s => s.Name)
            .Concat(member ? [] : Keywords)
            .Distinct(StringComparer.Ordinal)
            .Where(n => n.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            .OrderBy(n => n.StartsWith(word, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(n => n, StringComparer.OrdinalIgnoreCase)
            .ThenBy(n => n, StringComparer.Ordinal)
            .ToList();
        return new CompletionResult(start, word, names);
    }

    private static ExpressionSyntax? Receiver(SyntaxToken dot) => dot.Parent switch
    {
        MemberAccessExpressionSyntax access when access.OperatorToken == dot => access.Expression,
        QualifiedNameSyntax qualified when qualified.DotToken == dot => qualified.Left,
        MemberBindingExpressionSyntax binding => binding.FirstAncestorOrSelf<ConditionalAccessExpressionSyntax>()?.Expression,
        _ => null,
    };

    private static IEnumerable<ISymbol> Members(SemanticModel model, ExpressionSyntax receiver, int position)
    {
        var symbol = model.GetSymbolInfo(receiver).Symbol ?? model.GetSymbolInfo(receiver).CandidateSymbols.FirstOrDefault();
        switch (symbol)
        {
            case INamespaceSymbol ns:
                return model.LookupSymbols(position, ns);
            case ITypeSymbol type:
                return model.LookupStaticMembers(position, type).Concat(type.GetTypeMembers());
        }

        var valueType = model.GetTypeInfo(receiver).Type;
        if (valueType is null or IErrorTypeSymbol) return [];
        return model.LookupSymbols(position, valueType, includeReducedExtensionMethods: true)
            .Where(s => !s.IsStatic || s is IMethodSymbol { MethodKind: MethodKind.ReducedExtension });
    }

    private static bool InsideTrivia(SyntaxNode root, int position)
    {
        var token = root.FindToken(Math.Max(0, position - 1), findInsideTrivia: true);
        if (token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.InterpolatedStringTextToken)
            || token.IsKind(SyntaxKind.CharacterLiteralToken))
        {
            return token.Span.Contains(Math.Max(0, position - 1)) && position < token.Span.End;
        }

        var trivia = root.FindTrivia(Math.Max(0, position - 1));
        return trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia);
    }

    private static bool IsHidden(ISymbol symbol) =>
        symbol.GetAttributes().Any(a =>
            a.AttributeClass?.Name == nameof(EditorBrowsableAttribute)
            && a.ConstructorArguments.Length == 1
            && a.ConstructorArguments[0].Value is int state
            && state == (int)EditorBrowsableState.Never);
}

/// <summary>Completions for one cursor position.</summary>
/// <param name="Start">Where the identifier being completed starts.</param>
/// <param name="Word">What has been typed of it.</param>
/// <param name="Candidates">Names that complete it, best first.</param>
internal sealed record CompletionResult(int Start, string Word, IReadOnlyList<string> Candidates);
