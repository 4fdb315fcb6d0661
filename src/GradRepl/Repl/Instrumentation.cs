using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace GradRepl.Repl;

/// <summary>
/// Makes script code stoppable and its recursion bounded. A check of Ctrl+C goes at the top of every loop body; a check
/// of Ctrl+C and of the stack (<c>RecursionError</c> before the stack runs out, which .NET could not catch) goes at the
/// top of every method, local function, accessor, constructor, operator and lambda, block- or expression-bodied. The
/// REPL and batch runs (<see cref="Scripting.RoslynCompiler"/>) compile what this returns. The checks go on the lines
/// they belong to (never adding a line), so line numbers in errors stay right, and
/// <see cref="InstrumentedCode.ToOriginal(int)"/> maps positions back for column-exact compile errors.
/// </summary>
internal static class Instrumentation
{
    /// <summary>The statement inserted in loop bodies; one static read when no interrupt is pending.</summary>
    public const string Check = "global::GradRepl.Prelude.ScriptEnvironment.ThrowIfCancelled();";

    /// <summary>The call (true, or it throws) inserted at the top of bodies: Ctrl+C and the stack.</summary>
    public const string CallCheck = "global::GradRepl.Prelude.ScriptEnvironment.CheckCall()";

    private const string CallStatement = CallCheck + ";";

    /// <summary>Returns <paramref name="code"/> with checks inserted (parsed as a script).</summary>
    public static InstrumentedCode Instrument(string code, CSharpParseOptions options)
    {
        var tree = CSharpSyntaxTree.ParseText(code, options);
        var edits = new List<Edit>();
        var root = (CompilationUnitSyntax)tree.GetRoot();
        foreach (var node in root.DescendantNodes())
        {
            switch (node)
            {
                case WhileStatementSyntax s: LoopBody(s.Statement, edits); break;
                case DoStatementSyntax s: LoopBody(s.Statement, edits); break;
                case ForStatementSyntax s: LoopBody(s.Statement, edits); break;
                case CommonForEachStatementSyntax s: LoopBody(s.Statement, edits); break;
                case BaseMethodDeclarationSyntax m: Member(m.Body, m.ExpressionBody, m.SemicolonToken, Returns(m), edits); break;
                case LocalFunctionStatementSyntax f: Member(f.Body, f.ExpressionBody, f.SemicolonToken, ReturnsValue(f.ReturnType, f.Modifiers), edits); break;
                case AccessorDeclarationSyntax a: Member(a.Body, a.ExpressionBody, a.SemicolonToken, a.IsKind(SyntaxKind.GetAccessorDeclaration) ? Form.Return : Form.Statement, edits); break;
                case PropertyDeclarationSyntax { ExpressionBody: { } body } p: Member(null, body, p.SemicolonToken, Form.Getter, edits); break;
                case IndexerDeclarationSyntax { ExpressionBody: { } body } i: Member(null, body, i.SemicolonToken, Form.Getter, edits); break;
                case AnonymousFunctionExpressionSyntax { Block: { } block }: Block(block, CallStatement, edits); break;
                case LambdaExpressionSyntax { ExpressionBody: { } body } lambda: LambdaExpression(lambda, body, edits); break;
            }
        }

        // A script with nothing to run (empty, comments, usings) compiles to no entry point: give it one statement.
        if (root.Members.Count == 0) edits.Add(new Edit(code.Length, 0, "\n" + Check));

        if (edits.Count == 0) return new InstrumentedCode(code, []);
        var ordered = edits.OrderBy(e => e.Position).ToList();
        var text = new System.Text.StringBuilder(code.Length + ordered.Count * (CallStatement.Length + 12));
        int previous = 0;
        foreach (var edit in ordered)
        {
            text.Append(code, previous, edit.Position - previous).Append(edit.Text);
            previous = edit.Position + edit.Removed;
        }

        text.Append(code, previous, code.Length - previous);
        return new InstrumentedCode(text.ToString(), ordered);
    }

    // How an expression body becomes a block: `{ check; return e; }`, `{ check; e; }` (void), or a property's getter.
    private enum Form { Return, Statement, Getter }

    private static Form Returns(BaseMethodDeclarationSyntax method) => method switch
    {
        MethodDeclarationSyntax m => ReturnsValue(m.ReturnType, m.Modifiers),
        OperatorDeclarationSyntax or ConversionOperatorDeclarationSyntax => Form.Return,
        _ => Form.Statement, // constructors, finalizers
    };

    private static Form ReturnsValue(TypeSyntax returnType, SyntaxTokenList modifiers)
    {
        if (returnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword }) return Form.Statement;
        // `async Task M() => await X;`: the body is a statement, not a value.
        bool isAsync = modifiers.Any(SyntaxKind.AsyncKeyword);
        var name = returnType is QualifiedNameSyntax q ? q.Right : returnType;
        return isAsync && name is IdentifierNameSyntax { Identifier.ValueText: "Task" or "ValueTask" } ? Form.Statement : Form.Return;
    }

    private static void LoopBody(StatementSyntax body, List<Edit> edits)
    {
        if (body is BlockSyntax block)
        {
            Block(block, Check, edits);
        }
        else if (!body.IsMissing)
        {
            // A single statement body becomes a block, on the same line(s).
            edits.Add(new Edit(body.SpanStart, 0, "{ " + Check + " "));
            edits.Add(new Edit(body.Span.End, 0, " }"));
        }
    }

    private static void Block(BlockSyntax block, string check, List<Edit> edits)
    {
        if (block.OpenBraceToken.IsMissing) return;
        edits.Add(new Edit(block.OpenBraceToken.Span.End, 0, " " + check));
    }

    private static void Member(BlockSyntax? body, ArrowExpressionClauseSyntax? expressionBody, SyntaxToken semicolon, Form form, List<Edit> edits)
    {
        if (body is not null)
        {
            Block(body, CallStatement, edits);
            return;
        }

        if (expressionBody is null || expressionBody.ArrowToken.IsMissing || semicolon.IsMissing || semicolon.Span.Length == 0) return;
        // `=> e;` becomes `{ check; return e; }` on the same line: the arrow is replaced, the closing brace follows the `;`.
        // A throw expression is a statement in either form.
        if (expressionBody.Expression is ThrowExpressionSyntax && form == Form.Return) form = Form.Statement;
        var (open, close) = form switch
        {
            Form.Return => ("{ " + CallStatement + " return", " }"),
            Form.Statement => ("{ " + CallStatement, " }"),
            _ => ("{ get { " + CallStatement + " return", " } }"),
        };
        edits.Add(new Edit(expressionBody.ArrowToken.SpanStart, expressionBody.ArrowToken.Span.Length, open));
        edits.Add(new Edit(semicolon.Span.End, 0, close));
    }

    private static void LambdaExpression(LambdaExpressionSyntax lambda, ExpressionSyntax body, List<Edit> edits)
    {
        // `x => e` becomes `x => check ? (e) : default`, which keeps e's type. A body that may be a void call (an
        // invocation, assignment, await ...) could not stand in a conditional, so such lambdas are left as they are.
        if (lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword) || body.IsMissing || MayBeStatement(body)) return;
        edits.Add(new Edit(body.SpanStart, 0, CallCheck + " ? ("));
        edits.Add(new Edit(body.Span.End, 0, ") : default"));
    }

    private static bool MayBeStatement(ExpressionSyntax body) => body is InvocationExpressionSyntax or AssignmentExpressionSyntax
        or AwaitExpressionSyntax or BaseObjectCreationExpressionSyntax or ThrowExpressionSyntax or ConditionalAccessExpressionSyntax
        or PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression }
        or PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression };
}

/// <summary>One change to the source: at <paramref name="Position"/>, <paramref name="Removed"/> characters replaced by <paramref name="Text"/>.</summary>
/// <param name="Position">Position in the original code.</param>
/// <param name="Removed">Characters of the original removed there (0 for an insertion).</param>
/// <param name="Text">The text put there.</param>
internal sealed record Edit(int Position, int Removed, string Text);

/// <summary>Instrumented source and the edits made, to map positions back to what the user wrote.</summary>
/// <param name="Text">The code to compile.</param>
/// <param name="Edits">The edits, in order of position.</param>
internal sealed record InstrumentedCode(string Text, IReadOnlyList<Edit> Edits)
{
    /// <summary>Maps a position in <see cref="Text"/> to the position in the original code.</summary>
    public int ToOriginal(int position)
    {
        int shift = 0;
        foreach (var edit in Edits)
        {
            int at = edit.Position + shift;
            if (position < at) break;
            // Inside an inserted run: point at where it was inserted.
            if (position < at + edit.Text.Length) return edit.Position;
            shift += edit.Text.Length - edit.Removed;
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
