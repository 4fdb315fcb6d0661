namespace GradRepl.Bench.StartupProfile.Tests;

// Top-level types for MethodResolverTests: the JIT prints nested types with '+', these are reached by their plain
// full names. Public so that reflection over the test assembly sees them as any application's types.

/// <summary>A class constraint for <see cref="ConstrainedHolder{T}"/>.</summary>
public class ConstraintBase;

/// <summary>Shared code over a class-constrained parameter: <c>System.__Canon</c> must become a <see cref="ConstraintBase"/>.</summary>
public sealed class ConstrainedHolder<T>
    where T : ConstraintBase
{
    public T? Value { get; set; }

    public void M() => Value = null;
}

/// <summary>A constraint that names its own parameter: only classes deriving from it can fill it.</summary>
public abstract class SelfConstraint<TSelf>
    where TSelf : SelfConstraint<TSelf>;

/// <summary>The one class meeting <see cref="SelfConstraint{TSelf}"/>'s constraint.</summary>
public sealed class SelfConstrained : SelfConstraint<SelfConstrained>;

/// <summary>Shared code over a self-referencing class constraint.</summary>
public sealed class SelfConstrainedHolder<T>
    where T : SelfConstraint<T>
{
    public T? Value { get; set; }

    public void Step() => Value = null;
}

/// <summary>A type with a type initializer (a static field initializer compiles to one).</summary>
public static class WithTypeInitializer
{
    public static readonly object Value = new();
}

/// <summary>A generic type whose constructors come with a type initializer, like List&lt;T&gt;.</summary>
public sealed class GenericWithTypeInitializer<T>
{
    public static readonly T[] Empty = [];

    public GenericWithTypeInitializer()
    {
    }

    public GenericWithTypeInitializer(int capacity) => Capacity = capacity;

    public int Capacity { get; }
}

/// <summary>Overloads told apart only by a by-ref parameter.</summary>
public static class ByRefOverloads
{
    public static int Read(int value) => value;

    public static int Read(ref int value) => value;
}
