using GradRepl.Tensors.Kernels;
using GradRepl.Tensors.Random;

namespace GradRepl.Tensors;

// Random factories. Each draws from one MT19937 generator per thread exactly as PyTorch 1.13's CPU kernels
// draw from theirs, so after the same manual_seed the same calls give PyTorch's numbers.
public static partial class torch
{
    // The seed of PyTorch's C++ default generator. Python's `import torch` then reseeds it at random; GradRepl keeps
    // it, so a script that never calls manual_seed prints the same numbers on every run.
    private const long DefaultSeed = 67280421310721;

    // The default generator sits in a box carried by the execution context, not by the thread: the REPL and --step
    // run each entry on a thread of their own, started from the session's thread, so a seed set in one entry holds in
    // the next once the session has made the box (ScriptEnvironment.ResetRandomGenerator, called by the REPL). Tests that run in parallel
    // each make their own.
    private static readonly AsyncLocal<GeneratorBox?> s_generator = new();

    private sealed class GeneratorBox
    {
        public long Seed = DefaultSeed;
        public MersenneTwister Generator = new(DefaultSeed);
    }

    private static GeneratorBox CurrentBox => s_generator.Value ??= new GeneratorBox();

    internal static MersenneTwister Generator => CurrentBox.Generator;

    /// <summary>Seeds the random generator; the same seed gives the same random numbers as PyTorch's CPU generator.</summary>
    public static void manual_seed(long seed)
    {
        var box = CurrentBox;
        box.Seed = seed;
        box.Generator = new MersenneTwister(unchecked((ulong)seed));
    }

    /// <summary>The seed the random generator was last seeded with (67280421310721 until <see cref="manual_seed"/>).</summary>
    public static long initial_seed() => CurrentBox.Seed;

    /// <summary>Seeds the generator as at process start, making the box the calling thread's context carries on.</summary>
    internal static void ResetGenerator() => manual_seed(DefaultSeed);

    /// <summary>Uniform random numbers in [0, 1).</summary>
    public static Tensor rand(params long[] size) => rand(size, null);

    /// <summary>Uniform random numbers in [0, 1): <c>torch.rand(3, requires_grad: true)</c>.</summary>
    public static Tensor rand(long size0, ScalarType? dtype = null, bool requires_grad = false) => rand([size0], dtype, requires_grad);

    /// <summary>Uniform random numbers in [0, 1) of shape [size0, size1].</summary>
    public static Tensor rand(long size0, long size1, ScalarType? dtype = null, bool requires_grad = false) => rand([size0, size1], dtype, requires_grad);

    /// <summary>Uniform random numbers in [0, 1) of shape [size0, size1, size2].</summary>
    public static Tensor rand(long size0, long size1, long size2, ScalarType? dtype = null, bool requires_grad = false) => rand([size0, size1, size2], dtype, requires_grad);

    /// <summary>Uniform random numbers in [0, 1) of a given dtype.</summary>
    public static Tensor rand(long[] size, ScalarType? dtype = null, bool requires_grad = false)
    {
        var sizes = CheckSizes(size);
        var type = dtype ?? float32;
        RequireFloating(type, "check_uniform_bounds");
        return Make(Uniform(Shapes.Numel(sizes), type), sizes, type, requires_grad);
    }

    /// <summary>Uniform random numbers shaped and typed like <paramref name="input"/>.</summary>
    public static Tensor rand_like(Tensor input, ScalarType? dtype = null, bool requires_grad = false)
        => rand(input.shape, dtype ?? input.dtype, requires_grad);

    private static Array Uniform(int n, ScalarType type)
    {
        var gen = Generator;
        if (type == float64)
        {
            var d = new double[n];
            for (var i = 0; i < n; i++) d[i] = gen.NextDouble();
            return d;
        }
        var f = new float[n];
        for (var i = 0; i < n; i++) f[i] = gen.NextFloat();
        return f;
    }

    /// <summary>Standard normal random numbers; a seeded generator gives PyTorch's numbers.</summary>
    public static Tensor randn(params long[] size) => randn(size, null);

    /// <summary>Standard normal random numbers: <c>torch.randn(5, requires_grad: true)</c>.</summary>
    public static Tensor randn(long size0, ScalarType? dtype = null, bool requires_grad = false) => randn([size0], dtype, requires_grad);

    /// <summary>Standard normal random numbers of shape [size0, size1]: <c>torch.randn(5, 3, requires_grad: true)</c>.</summary>
    public static Tensor randn(long size0, long size1, ScalarType? dtype = null, bool requires_grad = false) => randn([size0, size1], dtype, requires_grad);

    /// <summary>Standard normal random numbers of shape [size0, size1, size2].</summary>
    public static Tensor randn(long size0, long size1, long size2, ScalarType? dtype = null, bool requires_grad = false) => randn([size0, size1, size2], dtype, requires_grad);

    /// <summary>Standard normal random numbers of a given dtype.</summary>
    public static Tensor randn(long[] size, ScalarType? dtype = null, bool requires_grad = false) => normal(0, 1, size, dtype, requires_grad);

    /// <summary>Standard normal random numbers shaped and typed like <paramref name="input"/>.</summary>
    public static Tensor randn_like(Tensor input, ScalarType? dtype = null, bool requires_grad = false)
        => randn(input.shape, dtype ?? input.dtype, requires_grad);

    /// <summary>Normal random numbers with the given mean and standard deviation (PyTorch's <c>torch.normal(mean, std, size)</c>).</summary>
    public static Tensor normal(double mean, double std, long[] size, ScalarType? dtype = null, bool requires_grad = false)
    {
        if (std < 0) throw new RuntimeError($"normal expects std >= 0.0, but found std {std.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        var sizes = CheckSizes(size);
        var n = Shapes.Numel(sizes);
        var type = dtype ?? float32;
        RequireFloating(type, "normal_kernel_cpu");
        Array data;
        if (type == float64)
        {
            var d = new double[n];
            NormalDistribution.Fill(d, Generator, mean, std);
            data = d;
        }
        else
        {
            var f = new float[n];
            NormalDistribution.Fill(f, Generator, mean, std);
            data = f;
        }
        return Make(data, sizes, type, requires_grad);
    }

    /// <summary>Random integers in [0, <paramref name="high"/>), int64 unless a dtype is given.</summary>
    public static Tensor randint(long high, long[] size, ScalarType? dtype = null, bool requires_grad = false)
        => randint(0, high, size, dtype, requires_grad);

    /// <summary>Random integers in [<paramref name="low"/>, <paramref name="high"/>), int64 unless a dtype is given.</summary>
    public static Tensor randint(long low, long high, long[] size, ScalarType? dtype = null, bool requires_grad = false)
    {
        if (low >= high) throw new RuntimeError($"random_ expects 'from' to be less than 'to', but got from={low} >= to={high}");
        var sizes = CheckSizes(size);
        var n = Shapes.Numel(sizes);
        var range = unchecked((ulong)(high - low));
        var gen = Generator;
        var values = new long[n];
        // PyTorch draws 32 bits per value unless the range needs more (random_from_to), then takes the remainder.
        for (var i = 0; i < n; i++)
            values[i] = unchecked(low + (long)((range >= 1UL << 32 ? gen.NextUInt64() : gen.NextUInt32()) % range));
        return Make(values, sizes, dtype ?? int64, requires_grad);
    }

    /// <summary>Random integers shaped like <paramref name="input"/>, in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public static Tensor randint_like(Tensor input, long low, long high, ScalarType? dtype = null, bool requires_grad = false)
        => randint(low, high, input.shape, dtype ?? input.dtype, requires_grad);

    /// <summary>A random permutation of 0 .. n-1 (int64), drawn as PyTorch's CPU randperm draws it.</summary>
    public static Tensor randperm(long n, ScalarType? dtype = null, bool requires_grad = false)
    {
        var count = CheckSizes([n])[0];
        return Make(Permutation(count, Generator), [count], dtype ?? int64, requires_grad);
    }

    /// <summary>0 .. count-1 shuffled by <paramref name="gen"/> exactly as PyTorch's CPU randperm shuffles.</summary>
    internal static long[] Permutation(int count, MersenneTwister gen)
    {
        var values = new long[count];
        for (var i = 0; i < count; i++) values[i] = i;
        // Fisher-Yates from the front, one 32-bit draw per swap (randperm_cpu)
        for (var i = 0; i < count - 1; i++)
        {
            var z = (int)(gen.NextUInt32() % (uint)(count - i));
            (values[i], values[z + i]) = (values[z + i], values[i]);
        }
        return values;
    }

    /// <summary>A bool mask, true where a uniform double draw falls below <paramref name="p"/> (PyTorch's bernoulli_ without MKL).</summary>
    internal static bool[] BernoulliMask(int n, double p)
    {
        var gen = Generator;
        var mask = new bool[n];
        for (var i = 0; i < n; i++) mask[i] = gen.NextDouble() < p;
        return mask;
    }

    private static void RequireFloating(ScalarType type, string kernel)
    {
        if (!type.IsFloatingPoint()) throw new RuntimeError($"\"{kernel}\" not implemented for '{type.CppName()}'");
    }
}
