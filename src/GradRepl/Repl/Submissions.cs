using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GradRepl.Repl;

/// <summary>Syntax questions the loop asks about what was typed: is it complete, how deep is it nested, does it end in an expression.</summary>
internal static class Submissions
{
    /// <summary>Parse options for REPL input: a script, latest language version.</summary>
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    /// <summary>
    /// True when <paramref name="text"/> can be submitted: Roslyn's <see cref="SyntaxFactory.IsCompleteSubmission"/>
    /// (no unclosed braces, strings or comments, no statement cut short), or blank, or a REPL or stepper command.
    /// </summary>
    public static bool IsComplete(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (MetaCommand.TryParse(text, out _)) return true;

        // The lesson stepper's commands (:solution, :back, :quit); no C# statement starts with a colon.
        if (text.Trim() is [':', ..] command && !command.Contains('\n')) return true;
        return SyntaxFactory.IsCompleteSubmission(SyntaxFactory.ParseSyntaxTree(text, ParseOptions));
    }

    /// <summary>Spaces per indentation level.</summary>
    public const int IndentWidth = 4;

    /// <summary>The indentation (four spaces per open brace, parenthesis or bracket) for a line after <paramref name="text"/>.</summary>
    public static string Indentation(string text)
    {
        int depth = 0;
        foreach (var token in SyntaxFactory.ParseSyntaxTree(text, ParseOptions).GetRoot().DescendantTokens())
        {
            if (token.IsMissing) continue;
            switch (token.Kind())
            {
                case SyntaxKind.OpenBraceToken or SyntaxKind.OpenParenToken or SyntaxKind.OpenBracketToken: depth++; break;
                case SyntaxKind.CloseBraceToken or SyntaxKind.CloseParenToken or SyntaxKind.CloseBracketToken: depth = Math.Max(0, depth - 1); break;
            }
        }

        return new string(' ', IndentWidth * Math.Min(depth, 10));
    }

    /// <summary>The expression whose value a submission ends with (an expression statement without its semicolon), or null.</summary>
    public static ExpressionSyntax? TrailingExpression(SyntaxTree tree)
    {
        var root = (CompilationUnitSyntax)tree.GetRoot();
        return root.Members.LastOrDefault() is GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } statement }
            ? statement.Expression
            : null;
    }

    /// <summary>Splits a stream of lines into complete submissions (for piped input and files of snippets).</summary>
    public static IEnumerable<(string Text, int FirstLine)> Split(TextReader reader)
    {
        var pending = new System.Text.StringBuilder();
        int line = 0, first = 1;
        while (reader.ReadLine() is { } next)
        {
            line++;
            if (pending.Length == 0)
            {
                if (string.IsNullOrWhiteSpace(next)) continue;
                first = line;
            }

            pending.Append(next).Append('\n');
            var text = pending.ToString();
            if (IsComplete(text))
            {
                yield return (text.TrimEnd('\n'), first);
                pending.Clear();
            }
        }

        if (pending.Length > 0 && !string.IsNullOrWhiteSpace(pending.ToString())) yield return (pending.ToString().TrimEnd('\n'), first);
    }
}
