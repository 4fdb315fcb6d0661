using GradRepl.Repl;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace GradRepl.Highlighting;

/// <summary>What a piece of code is, for colouring.</summary>
internal enum Classification { Plain, Keyword, ControlKeyword, String, Number, Comment, Type, Method, Preprocessor }

/// <summary>
/// Classifies C# script text from Roslyn's parser (tokens and trivia) plus names the session knows are types.
/// A syntactic classifier: it runs on every key press, so it never binds; identifiers are told apart by where they
/// stand (after <c>new</c>, before <c>(</c>, in a declaration) and by the session's type names.
/// </summary>
internal static class Classifier
{
    private static readonly HashSet<SyntaxKind> ControlKeywords =
    [
        SyntaxKind.IfKeyword, SyntaxKind.ElseKeyword, SyntaxKind.WhileKeyword, SyntaxKind.ForKeyword, SyntaxKind.ForEachKeyword,
        SyntaxKind.DoKeyword, SyntaxKind.ReturnKeyword, SyntaxKind.BreakKeyword, SyntaxKind.ContinueKeyword, SyntaxKind.SwitchKeyword,
        SyntaxKind.CaseKeyword, SyntaxKind.DefaultKeyword, SyntaxKind.TryKeyword, SyntaxKind.CatchKeyword, SyntaxKind.FinallyKeyword,
        SyntaxKind.ThrowKeyword, SyntaxKind.GotoKeyword, SyntaxKind.YieldKeyword, SyntaxKind.InKeyword, SyntaxKind.UsingKeyword,
    ];

    /// <summary>One classification per character of <paramref name="text"/>.</summary>
    /// <param name="text">The code.</param>
    /// <param name="typeNames">Names the session knows as types (prelude, imports, earlier declarations).</param>
    public static Classification[] Classify(string text, IReadOnlySet<string> typeNames)
    {
        var result = new Classification[text.Length];
        var root = CSharpSyntaxTree.ParseText(SourceText.From(text), Submissions.ParseOptions).GetRoot();
        foreach (var token in root.DescendantTokens(descendIntoTrivia: true))
        {
            foreach (var trivia in token.LeadingTrivia) Trivia(trivia, result);
            Fill(result, token.Span, Token(token, typeNames));
            foreach (var trivia in token.TrailingTrivia) Trivia(trivia, result);
        }

        return result;
    }

    private static void Trivia(SyntaxTrivia trivia, Classification[] result)
    {
        var kind = trivia.Kind();
        if (kind is SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia
            or SyntaxKind.SingleLineDocumentationCommentTrivia or SyntaxKind.MultiLineDocumentationCommentTrivia)
        {
            Fill(result, trivia.Span, Classification.Comment);
        }
        else if (trivia.HasStructure && trivia.GetStructure() is DirectiveTriviaSyntax directive)
        {
            Fill(result, directive.Span, Classification.Preprocessor);
        }
        else if (kind == SyntaxKind.DisabledTextTrivia)
        {
            Fill(result, trivia.Span, Classification.Comment);
        }
    }

    private static Classification Token(SyntaxToken token, IReadOnlySet<string> typeNames)
    {
        if (token.Parent is DirectiveTriviaSyntax || token.Parent?.Parent is DirectiveTriviaSyntax) return Classification.Preprocessor;
        var kind = token.Kind();
        if (ControlKeywords.Contains(kind)) return Classification.ControlKeyword;
        if (SyntaxFacts.IsKeywordKind(kind)) return Classification.Keyword;
        switch (kind)
        {
            case SyntaxKind.StringLiteralToken or SyntaxKind.CharacterLiteralToken or SyntaxKind.InterpolatedStringTextToken
                or SyntaxKind.InterpolatedStringStartToken or SyntaxKind.InterpolatedStringEndToken
                or SyntaxKind.InterpolatedVerbatimStringStartToken or SyntaxKind.SingleLineRawStringLiteralToken
                or SyntaxKind.MultiLineRawStringLiteralToken or SyntaxKind.InterpolatedSingleLineRawStringStartToken
                or SyntaxKind.InterpolatedMultiLineRawStringStartToken or SyntaxKind.InterpolatedRawStringEndToken
                or SyntaxKind.Utf8StringLiteralToken:
                return Classification.String;
            case SyntaxKind.NumericLiteralToken:
                return Classification.Number;
            case SyntaxKind.IdentifierToken:
                return Identifier(token, typeNames);
            default:
                return Classification.Plain;
        }
    }

    private static Classification Identifier(SyntaxToken token, IReadOnlySet<string> typeNames)
    {
        switch (token.Parent)
        {
            case IdentifierNameSyntax { IsVar: true } name when name.Parent is VariableDeclarationSyntax or DeclarationExpressionSyntax or ForEachStatementSyntax:
                return Classification.Keyword;
            case IdentifierNameSyntax name when token.Text is "await" or "nameof" && name.Parent is not MemberAccessExpressionSyntax:
                return Classification.Keyword;
            case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax or TypeParameterSyntax:
                return Classification.Type;
            case MethodDeclarationSyntax or LocalFunctionStatementSyntax:
                return Classification.Method;
            case GenericNameSyntax generic when IsInvoked(generic):
                return Classification.Method;
            case GenericNameSyntax:
                return Classification.Type;
            case IdentifierNameSyntax name when IsInvoked(name):
                return Classification.Method;
            case IdentifierNameSyntax name when name.Parent is ObjectCreationExpressionSyntax or TypeOfExpressionSyntax
                or VariableDeclarationSyntax or ParameterSyntax or TypeArgumentListSyntax or ArrayTypeSyntax or NullableTypeSyntax:
                return Classification.Type;
            case IdentifierNameSyntax when typeNames.Contains(token.ValueText):
                return Classification.Type;
            default:
                return Classification.Plain;
        }
    }

    private static bool IsInvoked(SimpleNameSyntax name)
    {
        SyntaxNode node = name;
        if (node.Parent is MemberAccessExpressionSyntax access && access.Name == name) node = access;
        else if (node.Parent is MemberBindingExpressionSyntax binding) node = binding;
        return node.Parent is InvocationExpressionSyntax invocation && invocation.Expression == node;
    }

    private static void Fill(Classification[] result, TextSpan span, Classification classification)
    {
        if (classification == Classification.Plain) return;
        var end = Math.Min(span.End, result.Length);
        for (int i = Math.Max(0, span.Start); i < end; i++) result[i] = classification;
    }
}
