// # Parser fixture
// An introduction line.

// ## First step
// Narrative for the first step.
var a = 1;
print(a);
//> 1

// ## Exercise: second
// Try it.
#region solution
print(a + 1);
//> 2
#endregion
