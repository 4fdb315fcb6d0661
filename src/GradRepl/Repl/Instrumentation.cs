using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace GradRepl.Repl;

/// <summary>
/// Makes submitted code stoppable by Ctrl+C: inserts a cancellation check at the top of every loop body and every
/// method, local function, accessor, constructor and block-bodied lambda. The checks are inserted on the lines they
/// belong to (never adding a line), so line numbers in errors stay right, and <see cref="InstrumentedCode.ToOriginal"/>
/// maps positions back for column-exact compile errors.
/// </summary>
internal static class Instrumentation
{
    /// <summary>The statement inserted; one static read when no interrupt is pending.</summary>
    public const string Check = "global::GradRepl.Prelude.ScriptEnvironment.ThrowIfCancelled();";

    /// <summary>Returns <paramref name="code"/> with checks inserted (parsed as a script).</summary>
    public static InstrumentedCode Instrument(string code, CSharpParseOptions options)
    {
        var tree = CSharpSyntaxTree.ParseText(code, options);
        var insertions = new List<(int Position, string Text)>();
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            switch (node)
            {
                case WhileStatementSyntax s: Body(s.Statement, insertions); break;
                case DoStatementSyntax s: Body(s.Statement, insertions); break;
                case ForStatementSyntax s: Body(s.Statement, insertions); break;
                case CommonForEachStatementSyntax s: Body(s.Statement, insertions); break;
                case BaseMethodDeclarationSyntax { Body: { } body }: Block(body, insertions); break;
                case LocalFunctionStatementSyntax { Body: { } body }: Block(body, insertions); break;
                case AccessorDeclarationSyntax { Body: { } body }: Block(body, insertions); break;
                case AnonymousFunctionExpressionSyntax { Block: { } body }: Block(body, insertions); break;
            }
        }

        if (insertions.Count == 0) return new InstrumentedCode(code, []);
        insertions.Sort((a, b) => a.Position.CompareTo(b.Position));
        var text = new System.Text.StringBuilder(code.Length + insertions.Count * (Check.Length + 4));
        int previous = 0;
        foreach (var (position, inserted) in insertions)
        {
            text.Append(code, previous, position - previous).Append(inserted);
            previous = position;
        }

        text.Append(code, previous, code.Length - previous);
        return new InstrumentedCode(text.ToString(), insertions);
    }

    private static void Body(StatementSyntax body, List<(int, string)> insertions)
    {
        if (body is BlockSyntax block)
        {
            Block(block, insertions);
        }
        else if (!body.IsMissing)
        {
            // A single statement body becomes a block, on the same line(s).
            insertions.Add((body.SpanStart, "{ " + Check + " "));
            insertions.Add((body.Span.End, " }"));
        }
    }

    private static void Block(BlockSyntax block, List<(int, string)> insertions)
    {
        if (block.OpenBraceToken.IsMissing) return;
        insertions.Add((block.OpenBraceToken.Span.End, " " + Check));
    }
}

/// <summary>Instrumented source and the insertions made, to map positions back to what the user typed.</summary>
/// <param name="Text">The code to compile.</param>
/// <param name="Insertions">(original position, inserted text), in order.</param>
internal sealed record InstrumentedCode(string Text, IReadOnlyList<(int Position, string Text)> Insertions)
{
    /// <summary>Maps a position in <see cref="Text"/> to the position in the original code.</summary>
    public int ToOriginal(int position)
    {
        int shift = 0;
        foreach (var (original, inserted) in Insertions)
        {
            int at = original + shift;
            if (position < at) break;
            // Inside an inserted run: point at where it was inserted.
            if (position < at + inserted.Length) return original;
            shift += inserted.Length;
        }

        return position - shift;
    }

    /// <summary>Maps a span in <see cref="Text"/> to the original code.</summary>
    public TextSpan ToOriginal(TextSpan span)
    {
        var start = ToOriginal(span.Start);
        var end = Math.Max(start, ToOriginal(span.End));
        return TextSpan.FromBounds(start, end);
    }
}
