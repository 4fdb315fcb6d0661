using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace GradRepl.Scripting;

/// <summary>
/// Finds Python's in-place update step ported line by line. In PyTorch, <c>with torch.no_grad(): w -= lr * w.grad</c>
/// updates w in place; in C#, <c>w -= lr * w.grad</c> means <c>w = w - lr * w.grad</c>: a new tensor, made under
/// no_grad so it does not require grad, that w now names, and the next <c>backward()</c> fails far from the line at
/// fault. Warned only inside a no_grad scope: there a tensor variable is being updated, and a new tensor is almost
/// never what is meant; outside it the C# meaning is what people want (<c>loss += l</c> building a graph). Targets the
/// tensor writes through itself (its indexer, <c>.data</c>, <c>.grad</c>) are not warned: their setters change the
/// tensor, as Python's in-place operators do.
/// </summary>
internal static partial class TensorCompoundAssignments
{
    /// <summary>The warning's id, shown as <c>warning GR0001:</c>.</summary>
    public const string WarningId = "GR0001";

    private const string TensorTypeName = "GradRepl.Tensors.Tensor";

    /// <summary>A tensor compound assignment that rebinds its target under no_grad.</summary>
    /// <param name="Tree">The syntax tree it is in.</param>
    /// <param name="Span">The whole assignment, <c>w -= lr * w.grad</c>.</param>
    /// <param name="Target">The left side, <c>w</c>.</param>
    /// <param name="Operator">The operator, <c>-=</c>.</param>
    /// <param name="Value">The right side, <c>lr * w.grad</c>.</param>
    internal sealed record Finding(SyntaxTree Tree, TextSpan Span, TextSpan Target, string Operator, TextSpan Value);

    /// <summary>
    /// Every <c>-=</c>, <c>+=</c>, <c>*=</c>, <c>/=</c> in <paramref name="compilation"/>'s trees that rebinds a tensor
    /// variable (local, parameter, field, element of an array or list) inside a <c>torch.no_grad()</c> scope.
    /// </summary>
    public static List<Finding> Find(Compilation compilation)
    {
        var findings = new List<Finding>();
        INamedTypeSymbol? tensorType = null;
        foreach (var tree in compilation.SyntaxTrees)
        {
            // The syntax alone first: only a compound assignment inside a using of something named no_grad asks for
            // binding (a semantic model binds the whole statement around what it is asked about: a training loop).
            SemanticModel? model = null;
            foreach (var assignment in tree.GetRoot().DescendantNodes().OfType<AssignmentExpressionSyntax>().Where(IsArithmetic))
            {
                if (GradModeScope(assignment) is not { IsNoGrad: true } scope) continue;
                model ??= compilation.GetSemanticModel(tree);
                tensorType ??= compilation.GetTypeByMetadataName(TensorTypeName);
                if (tensorType is null || !IsTorchNoGrad(model, scope.Call) || !RebindsTensor(model, assignment, tensorType)) continue;
                // A local declared inside the scope cannot be a tensor that lives on after it (a parameter being trained).
                if (model.GetSymbolInfo(assignment.Left).Symbol is ILocalSymbol local
                    && local.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == tree && scope.Span.Contains(r.Span.Start)))
                {
                    continue;
                }

                findings.Add(new Finding(tree, assignment.Span, assignment.Left.Span, assignment.OperatorToken.Text, assignment.Right.Span));
            }
        }

        return findings;
    }

    /// <summary>
    /// The hint under a compile error about a tensor compound assignment, null for any other error. C# refuses
    /// <c>p -= lr * p.grad</c> in <c>foreach (var p in model.parameters())</c> (CS1656, a foreach variable cannot be
    /// assigned) and on a variable typed <c>Parameter</c> (CS0266, the difference is a Tensor): in both the update
    /// meant is the in-place one.
    /// </summary>
    /// <param name="compilation">The compilation that reported <paramref name="error"/>.</param>
    /// <param name="error">The compiler's error.</param>
    /// <param name="originalText">The text of a span as the user wrote it (the compiled text may be instrumented).</param>
    public static string? HintFor(Compilation compilation, Diagnostic error, Func<TextSpan, string> originalText)
    {
        if (error.Id is not ("CS1656" or "CS0266") || error.Location.SourceTree is not { } tree) return null;
        if (compilation.GetTypeByMetadataName(TensorTypeName) is not { } tensorType) return null;
        var assignment = tree.GetRoot().FindNode(error.Location.SourceSpan, getInnermostNodeForTie: true)
            .AncestorsAndSelf().OfType<AssignmentExpressionSyntax>().FirstOrDefault();
        if (assignment is null || !IsArithmetic(assignment)) return null;
        var targetType = compilation.GetSemanticModel(tree).GetTypeInfo(assignment.Left).Type;
        if (!IsTensor(targetType, tensorType)) return null;
        var target = OneLine(originalText(assignment.Left.Span));
        return $"to update the tensor {target} refers to in place, as Python's {assignment.OperatorToken.Text} does, write {Suggestion(target, assignment.OperatorToken.Text, originalText(assignment.Right.Span))}";
    }

    /// <summary>The warning's message for <c>target op= ...</c>.</summary>
    public static string Message(string target, string op)
    {
        target = OneLine(target);
        return $"'{target} {op} ...' makes a new tensor and rebinds {target}, unlike Python's in-place {op}; made under no_grad, "
            + $"the new {target} does not require grad (the next backward() fails, or {target}.grad stays None)";
    }

    /// <summary>The line under the warning: the in-place call to write instead.</summary>
    public static string Hint(string target, string op, string value)
    {
        target = OneLine(target);
        return $"write {Suggestion(target, op, value)} instead (or {target} = {target} {op[..1]} ... if a new tensor is what you mean)";
    }

    private static string Suggestion(string target, string op, string value)
    {
        var method = op switch { "-=" => "sub_", "+=" => "add_", "*=" => "mul_", _ => "div_" };
        var argument = OneLine(value);
        return $"{target}.{method}({(argument.Length > 60 ? "..." : argument)})";
    }

    private static bool IsArithmetic(AssignmentExpressionSyntax assignment) =>
        assignment.Kind() is SyntaxKind.SubtractAssignmentExpression or SyntaxKind.AddAssignmentExpression
            or SyntaxKind.MultiplyAssignmentExpression or SyntaxKind.DivideAssignmentExpression;

    // True when the assignment computes a new tensor with a static operator and stores it in a variable: a local,
    // parameter, field, array element or a property or indexer of a type other than Tensor (a List<Tensor> slot).
    // Symbols and types only: asking for the IOperation tree would load and run much more of Roslyn.
    private static bool RebindsTensor(SemanticModel model, AssignmentExpressionSyntax assignment, INamedTypeSymbol tensorType)
    {
        if (!IsTensor(model.GetTypeInfo(assignment.Left).Type, tensorType)) return false;
        // An instance operator -= (C# 14's user-defined compound assignment) would update in place: nothing to warn.
        if (model.GetSymbolInfo(assignment).Symbol is IMethodSymbol { IsStatic: false }) return false;
        return model.GetSymbolInfo(assignment.Left).Symbol switch
        {
            ILocalSymbol or IParameterSymbol or IFieldSymbol => true,
            IPropertySymbol property => !IsTensor(property.ContainingType, tensorType),
            null => assignment.Left is ElementAccessExpressionSyntax element && model.GetTypeInfo(element.Expression).Type is IArrayTypeSymbol,
            _ => false,
        };
    }

    private static bool IsTensor(ITypeSymbol? type, INamedTypeSymbol tensorType)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(t, tensorType)) return true;
        }

        return false;
    }

    /// <summary>A grad-mode scope: <c>using (torch.no_grad()) ...</c> or the statements after <c>using var g = torch.enable_grad();</c>.</summary>
    /// <param name="Span">What runs in it.</param>
    /// <param name="Call">The call that opens it.</param>
    /// <param name="IsNoGrad">True for no_grad, false for enable_grad.</param>
    private sealed record Scope(TextSpan Span, InvocationExpressionSyntax Call, bool IsNoGrad);

    // The innermost scope opened by a call named no_grad or enable_grad around the node (by name: the caller checks
    // the call is torch's), or null. The walk stops at the enclosing method or class: a method's body runs in whatever
    // mode its caller is in.
    private static Scope? GradModeScope(SyntaxNode node)
    {
        for (SyntaxNode? child = node, parent = node.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case UsingStatementSyntax { Statement: var body } statement when body == child:
                    var opened = statement.Expression ?? statement.Declaration?.Variables.FirstOrDefault()?.Initializer?.Value;
                    if (GradModeCall(opened) is { } call) return new Scope(body.Span, call.Invocation, call.IsNoGrad);
                    break;
                case BlockSyntax block:
                    if (UsingDeclarationBefore(block.Statements, child) is { } inBlock) return inBlock;
                    break;
                case MemberDeclarationSyntax and not GlobalStatementSyntax:
                    return null;
            }
        }

        return null;
    }

    // The last `using var g = torch.no_grad();` (or enable_grad) among the statements before `current` in a block:
    // its scope runs from there to the block's end. (A script's top level cannot declare one.)
    private static Scope? UsingDeclarationBefore(SyntaxList<StatementSyntax> statements, SyntaxNode current)
    {
        for (int i = statements.IndexOf((StatementSyntax)current) - 1; i >= 0; i--)
        {
            if (statements[i] is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: not 0 } declaration
                && GradModeCall(declaration.Declaration.Variables.FirstOrDefault()?.Initializer?.Value) is { } call)
            {
                return new Scope(TextSpan.FromBounds(declaration.Span.End, statements[^1].Span.End), call.Invocation, call.IsNoGrad);
            }
        }

        return null;
    }

    // A call of something named no_grad or enable_grad (torch.no_grad(), no_grad()), by its syntax.
    private static (InvocationExpressionSyntax Invocation, bool IsNoGrad)? GradModeCall(ExpressionSyntax? expression)
    {
        if (expression is not InvocationExpressionSyntax invocation) return null;
        var name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => null,
        };
        return name switch { "no_grad" => (invocation, true), "enable_grad" => (invocation, false), _ => null };
    }

    private static bool IsTorchNoGrad(SemanticModel model, InvocationExpressionSyntax call) =>
        model.GetSymbolInfo(call).Symbol is IMethodSymbol { Name: "no_grad", ContainingType: { } type }
        && type.ContainingNamespace?.ToDisplayString() == "GradRepl.Tensors";

    // Code spread over lines, quoted in a one-line message.
    private static string OneLine(string code) => Whitespace().Replace(code.Trim(), " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
