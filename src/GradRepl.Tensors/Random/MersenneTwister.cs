namespace GradRepl.Tensors.Random;

/// <summary>MT19937, the generator behind PyTorch's CPU <c>manual_seed</c>, so seeded <c>rand</c> gives PyTorch's numbers.</summary>
internal sealed class MersenneTwister
{
    private const int N = 624;
    private const int M = 397;
    private readonly uint[] _state = new uint[N];
    private int _index;

    /// <summary>The second value of the last double-precision Box-Muller pair, kept for the next normal draw (PyTorch keeps it in its generator too).</summary>
    public double? NextNormal { get; set; }

    public MersenneTwister(ulong seed)
    {
        _state[0] = (uint)seed;
        for (var i = 1; i < N; i++)
            _state[i] = unchecked(1812433253u * (_state[i - 1] ^ (_state[i - 1] >> 30)) + (uint)i);
        _index = N;
    }

    public uint NextUInt32()
    {
        if (_index >= N) Twist();
        var y = _state[_index++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        y ^= y >> 18;
        return y;
    }

    public ulong NextUInt64() => ((ulong)NextUInt32() << 32) | NextUInt32();

    /// <summary>A float in [0, 1) from 24 random bits, as PyTorch's uniform for float32.</summary>
    public float NextFloat() => (NextUInt32() & ((1u << 24) - 1)) * (1.0f / (1 << 24));

    /// <summary>A double in [0, 1) from 53 random bits, as PyTorch's uniform for float64.</summary>
    public double NextDouble() => (NextUInt64() & ((1UL << 53) - 1)) * (1.0 / (1UL << 53));

    private void Twist()
    {
        for (var i = 0; i < N; i++)
        {
            var y = (_state[i] & 0x80000000u) | (_state[(i + 1) % N] & 0x7fffffffu);
            var next = _state[(i + M) % N] ^ (y >> 1);
            if ((y & 1) != 0) next ^= 0x9908b0dfu;
            _state[i] = next;
        }
        _index = 0;
    }
}
