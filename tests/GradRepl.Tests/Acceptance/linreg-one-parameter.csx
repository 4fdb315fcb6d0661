// IBM "Deep Neural Networks with PyTorch", lab "Linear Regression 1D: Training One Parameter", ported line by line.
// The lab draws; the prints show the values its figures are made of. The lab's plot_diagram class becomes a
// function returning a closure: a class declared in a script cannot call the script's globals (plot, print).
torch.manual_seed(0);

Action<Tensor, Tensor, double, int> plot_diagram(Tensor X, Tensor Y, Tensor w, double stop)
{
    var start = w.data;
    var error = new List<double>();
    var parameter = new List<double>();
    var parameter_values = torch.arange(start.item(), stop);
    var Loss_function = new List<double>();
    for (var i = 0; i < parameter_values.shape[0]; i++)
    {
        w.data = parameter_values[i];
        Loss_function.Add(criterion(forward(X), Y).item());
    }
    w.data = start;
    print("loss surface:", parameter_values, Loss_function.Select(l => Math.Round(l, 4)).ToList());

    return (Yhat, w, err, n) =>
    {
        error.Add(err);
        parameter.Add(w.data.item());
        subplot(2, 1, 2);
        plot(X, Yhat.detach());
        plot(X, Y, "ro");
        xlabel("A");
        ylim(-20, 20);
        subplot(2, 1, 1);
        title("Data Space (top) Estimated Line (bottom) Iteration " + n);
        plot(parameter_values, Loss_function);
        plot(parameter, error, "ro");
        xlabel("B");
        figure();
    };
}

var X = torch.arange(-3, 3, 0.1).view(-1, 1);
var f = -3 * X;
print(X.shape, X[..3], f[^3..]);
plot(X, f, label: "f");
xlabel("x");
ylabel("y");
legend();
show();

var Y = f + 0.1 * torch.randn(X.size());
print(Y[..5]);
plot(X, Y, "rx", label: "Y");
plot(X, f, label: "f");
xlabel("x");
ylabel("y");
legend();
show();

Tensor forward(Tensor x) => w * x;

Tensor criterion(Tensor yhat, Tensor y) => torch.mean((yhat - y).pow(2));

var lr = 0.1;
var LOSS = new List<double>();
var w = torch.tensor(-10.0, requires_grad: true);
var gradient_plot = plot_diagram(X, Y, w, stop: 5);

void train_model(int iter)
{
    for (var epoch = 0; epoch < iter; epoch++)
    {
        var Yhat = forward(X);
        var loss = criterion(Yhat, Y);
        gradient_plot(Yhat, w, loss.item(), epoch);
        LOSS.Add(loss.item());
        loss.backward();
        print(epoch, loss, w.grad);
        w.data = w.data - lr * w.grad.data;
        w.grad.data.zero_();
        print(w);
    }
}

train_model(4);
plot(LOSS);
xlabel("Epoch/Iterations");
ylabel("Cost");
print("LOSS:", LOSS.Select(l => Math.Round(l, 4)).ToList());

// Practice: start at -15 and compare the two loss curves
w = torch.tensor(-15.0, requires_grad: true);
var LOSS2 = new List<Tensor>();
var gradient_plot1 = plot_diagram(X, Y, w, stop: 15);

void my_train_model(int iter)
{
    for (var epoch = 0; epoch < iter; epoch++)
    {
        var Yhat = forward(X);
        var loss = criterion(Yhat, Y);
        gradient_plot1(Yhat, w, loss.item(), epoch);
        LOSS2.Add(loss);
        loss.backward();
        w.data = w.data - lr * w.grad.data;
        w.grad.data.zero_();
    }
}

my_train_model(4);
print(LOSS2);
plot(LOSS, label: "LOSS");
plot(LOSS2.Select(l => l.item()).ToList(), label: "LOSS2");
xlabel("Epoch/Iterations");
ylabel("Cost");
legend();
show();
