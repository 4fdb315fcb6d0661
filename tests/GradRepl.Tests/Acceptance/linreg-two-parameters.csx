// IBM "Deep Neural Networks with PyTorch", lab "Linear Regression 1D: Training Two Parameters", ported line by line.
// The lab draws; the prints show the values its figures are made of. The lab's plot_error_surfaces class becomes
// local functions over shared lists (a class declared in a script cannot call the script's globals), and numpy's
// meshgrid and mean become loops over torch values.
torch.manual_seed(0);

double[,] Zs = new double[30, 30], ws = new double[30, 30], bs = new double[30, 30];
var surfaceW = new List<double>();
var surfaceB = new List<double>();
var surfaceLOSS = new List<double>();
var surfaceN = 0;
Tensor surfaceX = null, surfaceY = null;

void plot_error_surfaces(double w_range, double b_range, Tensor X, Tensor Y, int n_samples = 30, bool go = true)
{
    var W = torch.linspace(-w_range, w_range, n_samples, dtype: torch.float64);
    var B = torch.linspace(-b_range, b_range, n_samples, dtype: torch.float64);
    surfaceY = Y;
    surfaceX = X;
    for (var count1 = 0; count1 < n_samples; count1++)
    {
        for (var count2 = 0; count2 < n_samples; count2++)
        {
            var w2 = W[count2].item();
            var b2 = B[count1].item();
            ws[count1, count2] = w2;
            bs[count1, count2] = b2;
            Zs[count1, count2] = (Y - w2 * X + b2).pow(2).mean().item();
        }
    }
    var all = Zs.Cast<double>().ToArray();
    print("surface:", Math.Round(all.Min(), 2), Math.Round(all.Max(), 2), Math.Round(Zs[0, 0], 2), Math.Round(Zs[29, 29], 2));
    if (go)
    {
        figure();
        title("Cost/Total Loss Surface Contour");
        xlabel("w");
        ylabel("b");
        contour(ws, bs, Zs);
        show();
    }
}

void set_para_loss(double W, double B, double loss)
{
    surfaceN = surfaceN + 1;
    surfaceW.Add(W);
    surfaceB.Add(B);
    surfaceLOSS.Add(loss);
}

void final_plot()
{
    figure();
    contour(ws, bs, Zs);
    plot(surfaceW, surfaceB, "rx");
    xlabel("w");
    ylabel("b");
    show();
}

void plot_ps()
{
    figure();
    subplot(1, 2, 1);
    plot(surfaceX, surfaceY, "ro", label: "training points");
    plot(surfaceX, surfaceW[^1] * surfaceX + surfaceB[^1], label: "estimated line");
    xlabel("x");
    ylabel("y");
    ylim(-10, 15);
    title("Data Space Iteration: " + surfaceN);
    subplot(1, 2, 2);
    contour(ws, bs, Zs);
    plot(surfaceW, surfaceB, "rx");
    title("Total Loss Surface Contour Iteration" + surfaceN);
    xlabel("w");
    ylabel("b");
    show();
}

var X = torch.arange(-3, 3, 0.1).view(-1, 1);
var f = 1 * X - 1;
var Y = f + 0.1 * torch.randn(X.size());
print(Y[..3]);

plot(X, Y, "rx", label: "y");
plot(X, f, label: "f");
xlabel("x");
ylabel("y");
legend();
show();

Tensor forward(Tensor x) => w * x + b;

Tensor criterion(Tensor yhat, Tensor y) => torch.mean((yhat - y).pow(2));

plot_error_surfaces(15, 15, X, Y, 30);

var w = torch.tensor(-15.0, requires_grad: true);
var b = torch.tensor(-10.0, requires_grad: true);
var lr = 0.1;
var LOSS = new List<Tensor>();

void train_model(int iter)
{
    for (var epoch = 0; epoch < iter; epoch++)
    {
        var Yhat = forward(X);
        var loss = criterion(Yhat, Y);
        set_para_loss(w.data.item(), b.data.item(), loss.item());
        if (epoch % 3 == 0)
            plot_ps();
        LOSS.Add(loss);
        loss.backward();
        w.data = w.data - lr * w.grad.data;
        b.data = b.data - lr * b.grad.data;
        print(epoch, loss, w.grad, b.grad);
        w.grad.data.zero_();
        b.grad.data.zero_();
    }
}

train_model(15);
final_plot();
print(w, b);
print(surfaceW.Take(3).ToList(), surfaceB.Take(3).ToList());
print(LOSS[^1]);
plot(LOSS.Select(l => l.item()).ToList());
xlabel("Epoch/Iterations");
ylabel("Cost");
show();
