using System.Text;
using GradRepl.Tensors;
using GradRepl.Tensors.Autograd;

namespace GradRepl.Prelude.Display;

/// <summary>Text views of autograd state: a tensor's attribute card and a node's graph as a tree.</summary>
public static class AutogradDisplay
{
    private const int MaxTreeLines = 200;

    /// <summary>
    /// The five attributes the lab prints for a tensor, one per line: <c>data</c>, <c>grad_fn</c>, <c>grad</c>,
    /// <c>is_leaf</c>, <c>requires_grad</c>. A non-leaf's grad shows <c>None</c> without PyTorch's warning.
    /// </summary>
    public static string Card(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var grad = tensor.is_leaf || tensor.retains_grad ? tensor.grad : null;
        // An array, not Join's params span: a span of five strings is generic code the JIT compiles in every process.
        string[] lines =
        [
            "data: " + PythonFormat.Str(tensor.data),
            "grad_fn: " + PythonFormat.Str(tensor.grad_fn),
            "grad: " + PythonFormat.Str(grad),
            "is_leaf: " + PythonFormat.Str(tensor.is_leaf),
            "requires_grad: " + PythonFormat.Str(tensor.requires_grad),
        ];
        return string.Join('\n', lines);
    }

    /// <summary>
    /// The graph below <paramref name="node"/> as an indented tree, following <c>next_functions</c> down to the
    /// leaves' <c>AccumulateGrad</c> nodes (shown with their tensor). Inputs that need no gradient are skipped.
    /// </summary>
    public static string Tree(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var sb = new StringBuilder(Label(node));
        int lines = 1;
        Append(node, "", sb, ref lines);
        return sb.ToString();
    }

    private static void Append(Node node, string prefix, StringBuilder sb, ref int lines)
    {
        var children = new List<Node>();
        foreach (var (child, _) in node.next_functions)
        {
            if (child is not null) children.Add(child);
        }
        for (int i = 0; i < children.Count; i++)
        {
            if (lines >= MaxTreeLines)
            {
                sb.Append('\n').Append(prefix).Append("└── …");
                return;
            }

            bool last = i == children.Count - 1;
            sb.Append('\n').Append(prefix).Append(last ? "└── " : "├── ").Append(Label(children[i]));
            lines++;
            Append(children[i], prefix + (last ? "    " : "│   "), sb, ref lines);
        }
    }

    private static string Label(Node node) =>
        node is AccumulateGrad accumulate ? "AccumulateGrad: " + accumulate.variable : node.name();
}
