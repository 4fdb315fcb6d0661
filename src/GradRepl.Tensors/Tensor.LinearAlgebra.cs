using GradRepl.Tensors.Autograd;
using GradRepl.Tensors.Kernels;

namespace GradRepl.Tensors;

// Products: dot (1-D·1-D), mv (2-D·1-D), mm (2-D·2-D) and matmul choosing among them.
public partial class Tensor
{
    /// <summary>PyTorch's matmul: dot, matrix-vector, vector-matrix, matrix-matrix or batched product (batch dimensions broadcast).</summary>
    public Tensor matmul(Tensor other) => (Sizes.Length, other.Sizes.Length) switch
    {
        (1, 1) => dot(other),
        (2, 1) => mv(other),
        (2, 2) => mm(other),
        // PyTorch squeezes in place here, hence its node name SqueezeBackward3.
        (1, 2) => unsqueeze(0).mm(other).Squeezed(0, "SqueezeBackward3"),
        _ => BatchedMatmul(other),
    };

    /// <summary>The dot product of two 1-D tensors of the same length and dtype.</summary>
    public Tensor dot(Tensor other)
    {
        if (Sizes.Length != 1 || other.Sizes.Length != 1)
            throw new RuntimeError($"1D tensors expected, but got {Sizes.Length}D and {other.Sizes.Length}D tensors");
        RequireSameFloatDtype(other, "dot : expected both vectors to have same dtype, but found {0} and {1}");
        if (Count != other.Count)
            throw new RuntimeError($"inconsistent tensor size, expected tensor [{Count}] and src [{other.Count}] to have the same number of elements, but got {Count} and {other.Count} elements respectively");
        var result = MatrixProduct.Dot(this, other);
        if (!Recorder.ShouldRecord(this, other)) return result;
        var self = this;
        // d(a·b)/da = b, d(a·b)/db = a
        return Recorder.Record(result, "DotBackward0", [this, other], true,
            (g, needs) => [needs[0] ? other * g : null, needs[1] ? self * g : null]);
    }

    /// <summary>Matrix-vector product: [n×m]·[m] gives [n].</summary>
    public Tensor mv(Tensor vec)
    {
        if (Sizes.Length != 2 || vec.Sizes.Length != 1)
            throw new RuntimeError($"vector + matrix @ vector expected, got 1, {Sizes.Length}, {vec.Sizes.Length}");
        if (Sizes[1] != vec.Sizes[0])
            throw new RuntimeError($"size mismatch, got {Sizes[0]}, {Sizes[0]}x{Sizes[1]},{vec.Sizes[0]}");
        RequireSameFloatDtype(vec, "expected scalar type {0} but found {1}");
        var result = MatrixProduct.Mm(this, vec.reshape(vec.Sizes[0], 1).detach()).reshape(Sizes[0]).detach();
        if (!Recorder.ShouldRecord(this, vec)) return result;
        var self = this;
        // d(Av)/dA = g·vᵀ, d(Av)/dv = Aᵀ·g
        return Recorder.Record(result, "MvBackward0", [this, vec], true, (g, needs) =>
        [
            needs[0] ? g.unsqueeze(1).mm(vec.unsqueeze(0)) : null,
            needs[1] ? self.t().mv(g) : null,
        ]);
    }

    /// <summary>Matrix product: [n×m]·[m×p] gives [n×p].</summary>
    public Tensor mm(Tensor mat2)
    {
        if (Sizes.Length != 2) throw new RuntimeError("self must be a matrix");
        if (mat2.Sizes.Length != 2) throw new RuntimeError("mat2 must be a matrix");
        if (Sizes[1] != mat2.Sizes[0])
            throw new RuntimeError($"mat1 and mat2 shapes cannot be multiplied ({Sizes[0]}x{Sizes[1]} and {mat2.Sizes[0]}x{mat2.Sizes[1]})");
        RequireSameFloatDtype(mat2, "expected scalar type {0} but found {1}");
        var result = MatrixProduct.Mm(this, mat2);
        if (!Recorder.ShouldRecord(this, mat2)) return result;
        var self = this;
        // d(AB)/dA = g·Bᵀ, d(AB)/dB = Aᵀ·g
        return Recorder.Record(result, "MmBackward0", [this, mat2], true, (g, needs) =>
        [
            needs[0] ? g.mm(mat2.t()) : null,
            needs[1] ? self.t().mm(g) : null,
        ]);
    }

    private void RequireSameFloatDtype(Tensor other, string format)
    {
        if (dtype != other.dtype) throw new RuntimeError(string.Format(format, dtype.CppName(), other.dtype.CppName()));
        if (dtype == ScalarType.Bool) throw new RuntimeError("\"addmm_impl_cpu_\" not implemented for 'Bool'");
    }
}
