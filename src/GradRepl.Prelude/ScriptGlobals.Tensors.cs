using GradRepl.Prelude.Display;
using GradRepl.Tensors;
using GradRepl.Tensors.Autograd;

namespace GradRepl.Prelude;

public sealed partial class ScriptGlobals
{
    /// <summary>Shortcut for <c>torch.tensor</c>: a scalar tensor (float32 unless <paramref name="dtype"/> says otherwise, like Python's <c>2.0</c>).</summary>
    /// <param name="value">The value.</param>
    /// <param name="dtype">Element type; inferred from the values when null.</param>
    /// <param name="requires_grad">Record operations so that <c>backward()</c> fills this tensor's <c>grad</c> (floating point only).</param>
    public static Tensor tensor(double value, ScalarType? dtype = null, bool requires_grad = false) => torch.tensor(value, dtype, requires_grad);

    /// <summary>Shortcut for <c>torch.tensor</c>: a float32 scalar tensor.</summary>
    /// <param name="value">The value.</param>
    /// <param name="dtype">Element type; inferred from the values when null.</param>
    /// <param name="requires_grad">Record operations so that <c>backward()</c> fills this tensor's <c>grad</c> (floating point only).</param>
    public static Tensor tensor(float value, ScalarType? dtype = null, bool requires_grad = false) => torch.tensor(value, dtype, requires_grad);

    /// <summary>Shortcut for <c>torch.tensor</c>: an int64 scalar tensor.</summary>
    /// <param name="value">The value.</param>
    /// <param name="dtype">Element type; inferred from the values when null.</param>
    /// <param name="requires_grad">Record operations so that <c>backward()</c> fills this tensor's <c>grad</c> (floating point only).</param>
    public static Tensor tensor(long value, ScalarType? dtype = null, bool requires_grad = false) => torch.tensor(value, dtype, requires_grad);

    /// <summary>Shortcut for <c>torch.tensor</c>: an int64 scalar tensor (like Python's <c>2</c>).</summary>
    /// <param name="value">The value.</param>
    /// <param name="dtype">Element type; inferred from the values when null.</param>
    /// <param name="requires_grad">Record operations so that <c>backward()</c> fills this tensor's <c>grad</c> (floating point only).</param>
    public static Tensor tensor(int value, ScalarType? dtype = null, bool requires_grad = false) => torch.tensor(value, dtype, requires_grad);

    /// <summary>Shortcut for <c>torch.tensor</c>: a bool scalar tensor.</summary>
    /// <param name="value">The value.</param>
    /// <param name="dtype">Element type; inferred from the values when null.</param>
    /// <param name="requires_grad">Record operations so that <c>backward()</c> fills this tensor's <c>grad</c> (floating point only).</param>
    public static Tensor tensor(bool value, ScalarType? dtype = null, bool requires_grad = false) => torch.tensor(value, dtype, requires_grad);

    /// <summary>Shortcut for <c>torch.tensor</c>: a 1-D tensor (float32 by default).</summary>
    /// <param name="values">The elements.</param>
    /// <param name="dtype">Element type; inferred from the values when null.</param>
    /// <param name="requires_grad">Record operations so that <c>backward()</c> fills this tensor's <c>grad</c> (floating point only).</param>
    public static Tensor tensor(double[] values, ScalarType? dtype = null, bool requires_grad = false) => torch.tensor(values, dtype, requires_grad);

    /// <summary>Shortcut for <c>torch.tensor</c>: a 2-D tensor (float32 by default).</summary>
    /// <param name="values">The elements, row by row.</param>
    /// <param name="dtype">Element type; inferred from the values when null.</param>
    /// <param name="requires_grad">Record operations so that <c>backward()</c> fills this tensor's <c>grad</c> (floating point only).</param>
    public static Tensor tensor(double[,] values, ScalarType? dtype = null, bool requires_grad = false) => torch.tensor(values, dtype, requires_grad);

    /// <summary>Shortcut for <c>torch.tensor</c>: a 3-D tensor (float32 by default).</summary>
    /// <param name="values">The elements.</param>
    /// <param name="dtype">Element type; inferred from the values when null.</param>
    /// <param name="requires_grad">Record operations so that <c>backward()</c> fills this tensor's <c>grad</c> (floating point only).</param>
    public static Tensor tensor(double[,,] values, ScalarType? dtype = null, bool requires_grad = false) => torch.tensor(values, dtype, requires_grad);

    /// <summary>Shortcut for <c>torch.tensor</c>: a 1-D float32 tensor.</summary>
    /// <param name="values">The elements.</param>
    /// <param name="dtype">Element type; inferred from the values when null.</param>
    /// <param name="requires_grad">Record operations so that <c>backward()</c> fills this tensor's <c>grad</c> (floating point only).</param>
    public static Tensor tensor(float[] values, ScalarType? dtype = null, bool requires_grad = false) => torch.tensor(values, dtype, requires_grad);

    /// <summary>Shortcut for <c>torch.tensor</c>: a 2-D float32 tensor.</summary>
    /// <param name="values">The elements, row by row.</param>
    /// <param name="dtype">Element type; inferred from the values when null.</param>
    /// <param name="requires_grad">Record operations so that <c>backward()</c> fills this tensor's <c>grad</c> (floating point only).</param>
    public static Tensor tensor(float[,] values, ScalarType? dtype = null, bool requires_grad = false) => torch.tensor(values, dtype, requires_grad);

    /// <summary>Shortcut for <c>torch.tensor</c>: a 1-D int64 tensor.</summary>
    /// <param name="values">The elements.</param>
    /// <param name="dtype">Element type; inferred from the values when null.</param>
    /// <param name="requires_grad">Record operations so that <c>backward()</c> fills this tensor's <c>grad</c> (floating point only).</param>
    public static Tensor tensor(long[] values, ScalarType? dtype = null, bool requires_grad = false) => torch.tensor(values, dtype, requires_grad);

    /// <summary>Shortcut for <c>torch.tensor</c>: a 2-D int64 tensor.</summary>
    /// <param name="values">The elements, row by row.</param>
    /// <param name="dtype">Element type; inferred from the values when null.</param>
    /// <param name="requires_grad">Record operations so that <c>backward()</c> fills this tensor's <c>grad</c> (floating point only).</param>
    public static Tensor tensor(long[,] values, ScalarType? dtype = null, bool requires_grad = false) => torch.tensor(values, dtype, requires_grad);

    /// <summary>Shortcut for <c>torch.tensor</c>: a 1-D int64 tensor.</summary>
    /// <param name="values">The elements.</param>
    /// <param name="dtype">Element type; inferred from the values when null.</param>
    /// <param name="requires_grad">Record operations so that <c>backward()</c> fills this tensor's <c>grad</c> (floating point only).</param>
    public static Tensor tensor(int[] values, ScalarType? dtype = null, bool requires_grad = false) => torch.tensor(values, dtype, requires_grad);

    /// <summary>Shortcut for <c>torch.tensor</c>: a 2-D int64 tensor.</summary>
    /// <param name="values">The elements, row by row.</param>
    /// <param name="dtype">Element type; inferred from the values when null.</param>
    /// <param name="requires_grad">Record operations so that <c>backward()</c> fills this tensor's <c>grad</c> (floating point only).</param>
    public static Tensor tensor(int[,] values, ScalarType? dtype = null, bool requires_grad = false) => torch.tensor(values, dtype, requires_grad);

    /// <summary>Shortcut for <c>torch.tensor</c>: a 1-D bool tensor.</summary>
    /// <param name="values">The elements.</param>
    /// <param name="dtype">Element type; inferred from the values when null.</param>
    /// <param name="requires_grad">Record operations so that <c>backward()</c> fills this tensor's <c>grad</c> (floating point only).</param>
    public static Tensor tensor(bool[] values, ScalarType? dtype = null, bool requires_grad = false) => torch.tensor(values, dtype, requires_grad);

    /// <summary>Shortcut for <c>torch.tensor</c>: a 1-D tensor from a list (float32 unless a dtype is given).</summary>
    /// <param name="values">The elements.</param>
    /// <param name="dtype">Element type; float32 when null.</param>
    /// <param name="requires_grad">Record operations so that <c>backward()</c> fills this tensor's <c>grad</c> (floating point only).</param>
    public static Tensor tensor(IList<double> values, ScalarType? dtype = null, bool requires_grad = false) => torch.tensor(values, dtype, requires_grad);

    /// <summary>Shortcut for <c>torch.tensor</c>: a 2-D tensor from rows of equal length (float32 unless a dtype is given).</summary>
    /// <param name="values">The rows.</param>
    /// <param name="dtype">Element type; float32 when null.</param>
    /// <param name="requires_grad">Record operations so that <c>backward()</c> fills this tensor's <c>grad</c> (floating point only).</param>
    public static Tensor tensor(double[][] values, ScalarType? dtype = null, bool requires_grad = false) => torch.tensor(values, dtype, requires_grad);

    /// <summary>
    /// Shortcut for <c>torch.linspace</c>: <paramref name="steps"/> evenly spaced values from <paramref name="start"/>
    /// to <paramref name="end"/> inclusive, with PyTorch's float32 values.
    /// </summary>
    /// <param name="start">First value.</param>
    /// <param name="end">Last value.</param>
    /// <param name="steps">Number of values.</param>
    /// <param name="dtype">Element type; float32 by default.</param>
    /// <param name="requires_grad">Track operations for autograd.</param>
    public static Tensor linspace(double start, double end, long steps, ScalarType? dtype = null, bool requires_grad = false) =>
        torch.linspace(start, end, steps, dtype, requires_grad);

    /// <summary>Runs <c>y.backward()</c>: fills <c>grad</c> of every leaf <paramref name="y"/> depends on.</summary>
    /// <param name="y">A scalar result (or pass <paramref name="gradient"/> for a non-scalar one).</param>
    /// <param name="gradient">The gradient to start from; needed only when <paramref name="y"/> is not a scalar.</param>
    public static void backward(Tensor y, Tensor? gradient = null)
    {
        ArgumentNullException.ThrowIfNull(y);
        y.backward(gradient);
    }

    /// <summary>
    /// Prints a tensor's autograd card: <c>data</c>, <c>grad_fn</c>, <c>grad</c>, <c>is_leaf</c> and <c>requires_grad</c>,
    /// one per line.
    /// </summary>
    /// <param name="t">The tensor.</param>
    public static void show(Tensor t) => Current.WriteLine(AutogradDisplay.Card(t));

    /// <summary>Prints the autograd graph below a node (e.g. <c>show(y.grad_fn)</c>) as a tree down to the leaves.</summary>
    /// <param name="node">A <c>grad_fn</c>.</param>
    public static void show(Node node) => Current.WriteLine(AutogradDisplay.Tree(node));

    /// <summary>
    /// Compares autograd's gradient of <c>f(x).sum()</c> with central finite differences, in float64, and prints a
    /// short report. Returns true when every element agrees within <paramref name="atol"/> + <paramref name="rtol"/>·|numeric|.
    /// A non-float64 <paramref name="x"/> gets PyTorch's warning about non-double inputs (this check still runs in float64).
    /// </summary>
    /// <param name="f">The function to check, built from tensor operations.</param>
    /// <param name="x">The point to check at (its values are copied; <paramref name="x"/> itself is untouched).</param>
    /// <param name="eps">Finite-difference step.</param>
    /// <param name="atol">Absolute tolerance.</param>
    /// <param name="rtol">Relative tolerance.</param>
    public static bool gradcheck(Func<Tensor, Tensor> f, Tensor x, double eps = 1e-6, double atol = 1e-5, double rtol = 1e-3)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(x);
        // PyTorch's gradcheck warns so for any input that is not double precision.
        if (x.dtype != ScalarType.Float64) Current._environment.Output.Error.WriteLine(NonDoubleInputWarning);
        var shape = x.shape.ToArray();
        var values = x.detach().ToArray();
        Tensor Make(double[] v, bool requiresGrad) => shape.Length == 0
            ? torch.tensor(v[0], torch.float64, requiresGrad)
            : torch.tensor(v, torch.float64, requiresGrad).reshape(shape);

        var input = Make(values, true);
        f(input).sum().backward();
        var analytic = input.grad?.ToArray() ?? new double[values.Length];

        var numeric = new double[values.Length];
        using (torch.no_grad())
        {
            for (int i = 0; i < values.Length; i++)
            {
                var plus = (double[])values.Clone();
                var minus = (double[])values.Clone();
                plus[i] += eps;
                minus[i] -= eps;
                numeric[i] = (f(Make(plus, false)).sum().item() - f(Make(minus, false)).sum().item()) / (2 * eps);
            }
        }

        int worst = 0;
        double worstError = 0;
        bool ok = true;
        for (int i = 0; i < values.Length; i++)
        {
            double error = Math.Abs(analytic[i] - numeric[i]);
            if (error > atol + rtol * Math.Abs(numeric[i])) ok = false;
            if (error >= worstError)
            {
                worstError = error;
                worst = i;
            }
        }

        static string G(double v) => PythonFormat.FloatRepr(v);
        var report = ok
            ? $"gradcheck passed: {values.Length} element(s), largest difference {G(worstError)} (autograd {G(analytic[worst])}, numeric {G(numeric[worst])})"
            : $"gradcheck FAILED at element {worst}: autograd {G(analytic[worst])}, numeric {G(numeric[worst])}, difference {G(worstError)} (tolerance {G(atol + rtol * Math.Abs(numeric[worst]))})";
        Current.WriteLine(report);
        return ok;
    }

    // torch/autograd/gradcheck.py's warning (1.13), for input #0: the only input here.
    private const string NonDoubleInputWarning =
        "UserWarning: Input #0 requires gradient and is not a double precision floating point or complex. " +
        "This check will likely fail if all the inputs are not of double precision floating point or complex.";

    private void WriteLine(string text)
    {
        _environment.Output.Out.Write(text);
        _environment.Output.Out.Write('\n');
    }
}
