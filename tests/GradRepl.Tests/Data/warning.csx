// # A lesson whose steps warn on stderr

// ## Quiet warning
var x = tensor(2.0, requires_grad: true);
var y = x * 3;
print(y.grad);
//> None

// ## Noisy mistake
var z = x * 4;
print(z.grad);
//> tensor(8.)
