namespace GradRepl.Plotting.TickGenerators;

/// <summary>A major tick: its data position and its label.</summary>
internal readonly record struct Tick(double Position, string Label);
