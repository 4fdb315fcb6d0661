// The lab's derivatives from F#, printed and plotted with GradRepl's prelude (README, "From F#").
// From the repository root:
//   dotnet build src/GradRepl.Prelude
//   dotnet fsi --lib:src/GradRepl.Prelude/bin/Debug/net10.0 tests/fsharp/prelude.fsx
// (--lib says where the two #r below are.) Prints what the C# lessons print and saves plots/fsharp-relu.png.
// The test suite runs it (FSharpPreludeScriptTests).
#r "GradRepl.Tensors.dll"
#r "GradRepl.Prelude.dll"
open GradRepl.Tensors
open type GradRepl.Prelude.Fsi

// y = x² at x = 2: dy/dx = 2x = 4 (F#'s ** is Tensor.Pow)
let x = torch.tensor (2.0, requires_grad = true)
let y = x ** 2.0
y.backward ()
print ("y:", y)
print ("dy/dx at x = 2:", x.grad)

// y = x² + 2x + 1 at x = 2: dy/dx = 2x + 2 = 6
let x2 = torch.tensor (2.0, requires_grad = true)
let y2 = x2 ** 2.0 + 2.0 * x2 + 1.0
y2.backward ()
print ("dy/dx of x^2 + 2x + 1 at x = 2:", x2.grad)

// f = uv + u² at u = 1, v = 2: ∂f/∂u = v + 2u = 4, ∂f/∂v = u = 1
let u = torch.tensor (1.0, requires_grad = true)
let v = torch.tensor (2.0, requires_grad = true)
let f = u * v + u ** 2.0
f.backward ()
print ("df/du:", u.grad, "df/dv:", v.grad)

// A second derivative: d²(x³)/dx² at 2 = 6x = 12; autograd.grad returns a tuple, as in PyTorch
let x3 = torch.tensor (2.0, requires_grad = true)
let g = torch.autograd.grad (x3 ** 3.0, x3, create_graph = true)
print ("first derivative:", g)
print ("second derivative:", torch.autograd.grad (g.[0], x3))

// ReLU and its derivative over many points, through the sum trick
let xs = torch.linspace (-3.0, 3.0, 100L, requires_grad = true)
let relu = torch.nn.functional.relu xs
relu.sum().backward ()
figure ()
plot (xs.detach (), relu.detach (), label = "relu")
plot (xs.detach (), xs.grad, label = "derivative")
xlabel "x"
GradRepl.Prelude.ScriptGlobals.ylim (-0.5, 3.5)   // the rest of the prelude, on the same figure
legend ()
savefig "plots/fsharp-relu.png"
print ("saved plots/fsharp-relu.png")
