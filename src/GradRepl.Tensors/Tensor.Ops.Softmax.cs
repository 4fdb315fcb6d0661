using GradRepl.Tensors.Autograd;
using GradRepl.Tensors.Kernels;

namespace GradRepl.Tensors;

// softmax and log_softmax along a dimension, computed from the row's largest element so that exp never overflows.
public partial class Tensor
{
    /// <summary>e^x / Σ e^x along <paramref name="dim"/>.</summary>
    public Tensor softmax(long dim, ScalarType? dtype = null)
    {
        var x = dtype is { } t ? to(t) : this;
        var d = Shapes.WrapDim(dim, x.Sizes.Length);
        var result = x.SoftmaxKernel(d, log: false);
        if (!Recorder.ShouldRecord(x)) return result;
        // dy_i/dx_j = y_i(δ_ij - y_j): the gradient is y·(g - Σ g·y)
        return Recorder.Record(result, "SoftmaxBackward0", [x], true, (g, _) => [result * (g - (g * result).sum([d], keepdim: true))]);
    }

    /// <summary>log(softmax(x)) along <paramref name="dim"/>, computed without forming the softmax.</summary>
    public Tensor log_softmax(long dim, ScalarType? dtype = null)
    {
        var x = dtype is { } t ? to(t) : this;
        var d = Shapes.WrapDim(dim, x.Sizes.Length);
        var result = x.SoftmaxKernel(d, log: true);
        if (!Recorder.ShouldRecord(x)) return result;
        // d log_softmax_i/dx_j = δ_ij - softmax_j: the gradient is g - e^y·Σ g
        return Recorder.Record(result, "LogSoftmaxBackward0", [x], true, (g, _) => [g - result.exp() * g.sum([d], keepdim: true)]);
    }

    private Tensor SoftmaxKernel(int dim, bool log)
    {
        if (!dtype.IsFloatingPoint())
            throw new RuntimeError($"\"{(log ? "log_softmax_lastdim_kernel_impl" : "softmax_lastdim_kernel_impl")}\" not implemented for '{dtype.CppName()}'");
        var (outer, size, inner) = AlongDim.AroundDim(Sizes, dim);
        var x = ToDoubleArray();
        var y = new double[x.Length];
        for (var o = 0; o < outer; o++)
        {
            for (var k = 0; k < inner; k++)
            {
                var max = double.NegativeInfinity;
                for (var i = 0; i < size; i++) max = Math.Max(max, x[(o * size + i) * inner + k]);
                if (double.IsNegativeInfinity(max)) max = 0;
                var sum = 0.0;
                for (var i = 0; i < size; i++) sum += Math.Exp(x[(o * size + i) * inner + k] - max);
                var logSum = Math.Log(sum);
                for (var i = 0; i < size; i++)
                {
                    var at = (o * size + i) * inner + k;
                    y[at] = log ? x[at] - max - logSum : Math.Exp(x[at] - max) / sum;
                }
            }
        }
        return new Tensor(Conversion.Convert(y, dtype), Sizes, dtype);
    }
}
