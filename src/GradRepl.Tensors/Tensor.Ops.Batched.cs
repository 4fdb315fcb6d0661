using GradRepl.Tensors.Autograd;
using GradRepl.Tensors.Kernels;

namespace GradRepl.Tensors;

// Batched products: bmm, and matmul for operands of three or more dimensions, folded and broadcast the way
// PyTorch 1.13's matmul does it (so the result's node is UnsafeViewBackward0 over an Mm or Bmm node).
public partial class Tensor
{
    /// <summary>Batched matrix product: [b×n×m]·[b×m×p] gives [b×n×p].</summary>
    public Tensor bmm(Tensor mat2)
    {
        if (Sizes.Length != 3) throw new RuntimeError("batch1 must be a 3D tensor");
        if (mat2.Sizes.Length != 3) throw new RuntimeError("batch2 must be a 3D tensor");
        if (mat2.Sizes[0] != Sizes[0] || mat2.Sizes[1] != Sizes[2])
            throw new RuntimeError($"Expected size for first two dimensions of batch2 tensor to be: [{Sizes[0]}, {Sizes[2]}] but got: [{mat2.Sizes[0]}, {mat2.Sizes[1]}].");
        RequireSameFloatDtype(mat2, "expected scalar type {0} but found {1}");
        int b = Sizes[0], n = Sizes[1], m = Sizes[2], p = mat2.Sizes[2];
        var data = Conversion.Uninitialized(dtype, b * n * p);
        for (var k = 0; k < b; k++)
        {
            var left = new Tensor(Slice(Storage, k * n * m, n * m), [n, m], dtype);
            var right = new Tensor(Slice(mat2.Storage, k * m * p, m * p), [m, p], dtype);
            Array.Copy(MatrixProduct.Mm(left, right).Storage, 0, data, k * n * p, n * p);
        }
        var result = new Tensor(data, [b, n, p], dtype);
        if (!Recorder.ShouldRecord(this, mat2)) return result;
        var self = this;
        // per batch as mm: d(AB)/dA = g·Bᵀ, d(AB)/dB = Aᵀ·g
        return Recorder.Record(result, "BmmBackward0", [this, mat2], true, (g, needs) =>
        [
            needs[0] ? g.bmm(mat2.transpose(1, 2)) : null,
            needs[1] ? self.transpose(1, 2).bmm(g) : null,
        ]);
    }

    private static Array Slice(Array source, int start, int length)
    {
        var part = Array.CreateInstance(source.GetType().GetElementType()!, length);
        Array.Copy(source, start, part, 0, length);
        return part;
    }

    /// <summary>matmul when an operand has three or more dimensions.</summary>
    private Tensor BatchedMatmul(Tensor other)
    {
        int dim1 = Sizes.Length, dim2 = other.Sizes.Length;
        if (dim1 == 0 || dim2 == 0)
            throw new RuntimeError($"both arguments to matmul need to be at least 1D, but they are {dim1}D and {dim2}D");
        if ((dim1 >= 3 && dim2 <= 2) || (dim2 >= 3 && dim1 <= 2))
        {
            // fold the batch of the larger operand into the rows of one mm (or mv); a batch on the right is
            // transposed first, and the result transposed back and copied (CloneBackward0), as PyTorch does
            var transpose = dim2 > dim1;
            var batched = transpose ? other.transpose(-1, -2) : this;
            var right = !transpose ? other : dim1 == 2 ? t() : this;
            var folded = batched.reshape(-1, batched.Sizes[^1]);
            if (right.Sizes.Length == 1)
            {
                if (folded.Sizes[1] != right.Sizes[0])
                    throw new RuntimeError($"size mismatch, got {folded.Sizes[0]}, {folded.Sizes[0]}x{folded.Sizes[1]},{right.Sizes[0]}");
                return folded.mv(right).UnsafeView(batched.Sizes[..^1]);
            }
            var product = folded.mm(right).UnsafeView([.. batched.Sizes[..^1], right.Sizes[1]]);
            return transpose ? product.transpose(-1, -2).clone() : product;
        }
        // broadcast the batch dimensions and run one bmm
        var n = dim1 > 1 ? Sizes[^2] : 1;
        var m1 = Sizes[^1];
        var m2 = dim2 > 1 ? other.Sizes[^2] : other.Sizes[0];
        var p = dim2 > 1 ? other.Sizes[^1] : 1;
        var batch1 = Sizes[..Math.Max(dim1 - 2, 0)];
        var batch2 = other.Sizes[..Math.Max(dim2 - 2, 0)];
        var batch = Shapes.Broadcast(batch1, batch2);
        var count = Shapes.Numel(batch);
        var left = (dim1 == 1 ? unsqueeze(0) : this).expand([.. batch, n, m1]).reshape(count, n, m1);
        var rightOperand = (dim2 == 1 ? other.unsqueeze(-1) : other).expand([.. batch, m2, p]).reshape(count, m2, p);
        var output = new List<int>(batch);
        if (dim1 > 1) output.Add(n);
        if (dim2 > 1) output.Add(p);
        return left.bmm(rightOperand).UnsafeView(output.ToArray());
    }

    /// <summary>The same elements in a new shape, recorded as PyTorch's _unsafe_view (matmul's last step).</summary>
    private Tensor UnsafeView(int[] shape)
    {
        var result = new Tensor(Storage, shape, dtype);
        if (!Recorder.ShouldRecord(this)) return result;
        var original = Sizes;
        return Recorder.Record(result, "UnsafeViewBackward0", [this], false, (g, _) => [g.reshape(original)]);
    }

    /// <summary>bias + mat1·mat2 in one node (AddmmBackward0), as F.linear runs for a 2-D input with a bias.</summary>
    internal static Tensor Addmm(Tensor bias, Tensor mat1, Tensor mat2)
    {
        Tensor result;
        using (GradMode.Disable()) result = (mat1.mm(mat2) + bias).detach();
        if (!GradMode.IsEnabled || !(bias.requires_grad || mat1.requires_grad || mat2.requires_grad)) return result;
        var b = InputInfo.Of(bias);
        // d/dbias = g summed to its shape, d/dmat1 = g·mat2ᵀ, d/dmat2 = mat1ᵀ·g
        return Recorder.Record(result, "AddmmBackward0", [bias, mat1, mat2], true, (g, needs) =>
        [
            needs[0] ? b.Reduce(g) : null,
            needs[1] ? g.mm(mat2.t()) : null,
            needs[2] ? mat1.t().mm(g) : null,
        ]);
    }
}
