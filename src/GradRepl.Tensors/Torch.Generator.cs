using GradRepl.Tensors.Random;

namespace GradRepl.Tensors;

public static partial class torch
{
    /// <summary>The generator <c>manual_seed</c> seeds, for the in-place fills <c>uniform_</c> and <c>normal_</c>.</summary>
    internal static MersenneTwister DefaultGenerator => Generator;
}
