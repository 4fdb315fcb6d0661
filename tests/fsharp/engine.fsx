// The lab's derivatives computed from F#, against the built engine. Run by the test suite
// (FSharpScriptTests) and by hand:
//   dotnet build src/GradRepl.Tensors
//   dotnet fsi --reference:src/GradRepl.Tensors/bin/Debug/net10.0/GradRepl.Tensors.dll tests/fsharp/engine.fsx
// Exits 1 with a message on the first wrong value.
open GradRepl.Tensors

let check name (expected: float) (actual: float) =
    if abs (expected - actual) > 1e-5 then
        eprintfn "FAIL %s: expected %g, got %g" name expected actual
        exit 1
    printfn "ok %s = %g" name actual

let gradOf (t: Tensor) = t.grad.item ()

// y = x² at x = 2: dy/dx = 4, using F#'s ** operator (Tensor.Pow)
let x = torch.tensor (2.0, requires_grad = true)
let y = x ** 2.0
y.backward ()
check "d(x^2)/dx at 2" 4.0 (gradOf x)
if y.ToString () <> "tensor(4., grad_fn=<PowBackward0>)" then
    eprintfn "FAIL print: %s" (y.ToString ())
    exit 1

// y = x² + 2x + 1 at x = 2: dy/dx = 6
let x2 = torch.tensor (2.0, requires_grad = true)
let y2 = x2 ** 2.0 + 2.0 * x2 + 1.0
y2.backward ()
check "d(x^2+2x+1)/dx at 2" 6.0 (gradOf x2)

// y = 2x³ + x at x = 1: dy/dx = 7
let x3 = torch.tensor (1.0, requires_grad = true)
let y3 = 2.0 * x3 ** 3.0 + x3
y3.backward ()
check "d(2x^3+x)/dx at 1" 7.0 (gradOf x3)

// f = uv + u² at u = 1, v = 2: ∂f/∂u = 4, ∂f/∂v = 1
let u = torch.tensor (1.0, requires_grad = true)
let v = torch.tensor (2.0, requires_grad = true)
let f = u * v + u ** 2.0
f.backward ()
check "df/du" 4.0 (gradOf u)
check "df/dv" 1.0 (gradOf v)

// f = uv + (uv)² at u = 2, v = 1: ∂f/∂u = 5, ∂f/∂v = 10
let u2 = torch.tensor (2.0, requires_grad = true)
let v2 = torch.tensor (1.0, requires_grad = true)
let f2 = u2 * v2 + (u2 * v2) ** 2.0
f2.backward ()
check "df/du (exercise)" 5.0 (gradOf u2)
check "df/dv (exercise)" 10.0 (gradOf v2)

// the sum trick and ReLU over many points
let xs = torch.linspace (-10.0, 10.0, 10L, requires_grad = true)
(torch.sum (xs ** 2.0)).backward ()
check "sum trick, first gradient" -20.0 (xs.grad.[0L].item ())
let r = torch.linspace (-10.0, 10.0, 1000L, requires_grad = true)
(torch.nn.functional.relu(r).sum ()).backward ()
check "relu gradient left" 0.0 (r.grad.[0L].item ())
check "relu gradient right" 1.0 (r.grad.[999L].item ())

// second derivative with create_graph: d²(x³)/dx² at 2 = 12
let x4 = torch.tensor (2.0, requires_grad = true)
let g = torch.autograd.grad (x4 ** 3.0, x4, create_graph = true)
let g2 = torch.autograd.grad (g.[0], x4)
check "d2(x^3)/dx2 at 2" 12.0 (g2.[0].item ())
printfn "all F# engine checks passed"
