using BenchmarkDotNet.Attributes;
using GradRepl.Tensors;
using GradRepl.Tensors.Modules;

namespace GradRepl.Bench.Engine;

/// <summary>
/// The training loops of the course's lessons (scripts/*.csx, issue 15), without their prints and plots, and a
/// 784-100-10 network trained one epoch on 1,000 synthetic samples; each the same work as bench/training_pytorch.py
/// does in PyTorch. Data are made once in setup; every call seeds the generator, builds the lesson's model, optimizer
/// and loader, and runs the lesson's epochs (the perceptron's model is made once: one epoch is the case).
/// </summary>
[BenchmarkCategory("training")]
public class TrainingBench
{
    private LessonData _line = null!;
    private Tensor _logisticX = null!, _logisticY = null!;
    private Tensor _softmaxX = null!, _softmaxY = null!;
    private Tensor _xorX = null!, _xorY = null!;
    private Tensor _dropoutX = null!, _dropoutY = null!;
    private Tensor _images = null!, _labels = null!;
    private torch.nn.Module<Tensor, Tensor> _mlp = null!;

    /// <summary>linear-regression-pytorch's dataset: y = x - 1 with noise, 60 points.</summary>
    private sealed class LessonData : torch.utils.data.Dataset<(Tensor x, Tensor y)>
    {
        public readonly Tensor x, y;
        public LessonData()
        {
            x = torch.arange(-3, 3, 0.1).view(-1, 1);
            var f = 1 * x - 1;
            y = f + 0.1 * torch.randn(x.size());
        }
        public override long Count => x.shape[0];
        public override (Tensor x, Tensor y) GetTensor(long index) => (x[index], y[index]);
    }

    /// <summary>linear-regression-pytorch's model class.</summary>
    private sealed class LR : torch.nn.Module<Tensor, Tensor>
    {
        private readonly Linear linear;
        public LR(long input_size, long output_size) : base("LR")
        {
            linear = torch.nn.Linear(input_size, output_size);
            RegisterComponents();
        }
        public override Tensor forward(Tensor x) => linear.forward(x);
    }

    /// <summary>xor's network: one hidden layer, sigmoids.</summary>
    private sealed class Net : torch.nn.Module<Tensor, Tensor>
    {
        private readonly Linear linear1, linear2;
        public Net(long D_in, long H, long D_out) : base("Net")
        {
            linear1 = torch.nn.Linear(D_in, H);
            linear2 = torch.nn.Linear(H, D_out);
            RegisterComponents();
        }
        public override Tensor forward(Tensor x)
        {
            x = torch.sigmoid(linear1.forward(x));
            return torch.sigmoid(linear2.forward(x));
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        torch.manual_seed(1);
        _line = new LessonData();

        _logisticX = torch.arange(-1, 1, 0.1).view(-1, 1);
        _logisticY = torch.zeros(_logisticX.shape[0], 1);
        _logisticY[_logisticX[.., 0] > 0.2] = 1;

        _softmaxX = torch.arange(-2, 2, 0.1).view(-1, 1);
        _softmaxY = torch.zeros(new[] { _softmaxX.shape[0] }, dtype: torch.int64);
        _softmaxY[torch.logical_and(_softmaxX[.., 0] > -1, _softmaxX[.., 0] < 1)] = 1;
        _softmaxY[_softmaxX[.., 0] >= 1] = 2;

        torch.manual_seed(1);
        _xorX = torch.zeros(100, 2);
        _xorY = torch.zeros(100, 1);
        _xorX[25..50, 1] = 1;
        _xorY[25..50] = 1;
        _xorX[50..75, 0] = 1;
        _xorY[50..75] = 1;
        _xorX[75..100] = 1;
        _xorX = _xorX + 0.01 * torch.randn(100, 2);

        torch.manual_seed(0);
        _dropoutX = torch.linspace(-1, 1, 20).view(-1, 1);
        _dropoutY = _dropoutX.pow(2) + 0.5 * torch.randn(_dropoutX.size());

        torch.manual_seed(0);
        _images = torch.randn(1000, 784);
        _labels = torch.randint(0, 10, [1000]);
        _mlp = torch.nn.Sequential(torch.nn.Linear(784, 100), torch.nn.ReLU(), torch.nn.Linear(100, 10));
    }

    /// <summary>linear-regression-pytorch: LR(1, 1) from w = -15, b = -10, MSELoss, SGD lr 0.1, shuffled batches of 5, 10 epochs.</summary>
    [Benchmark(Description = "g1_lesson_linear_regression_pytorch")]
    public object LinearRegressionPyTorch()
    {
        torch.manual_seed(1);
        var model = new LR(1, 1);
        model.state_dict()["linear.weight"][0] = -15;
        model.state_dict()["linear.bias"][0] = -10;
        var trainloader = torch.utils.data.DataLoader(_line, batchSize: 5, shuffle: true);
        var criterion = torch.nn.MSELoss();
        var optimizer = torch.optim.SGD(model.parameters(), lr: 0.1);
        var LOSS = new List<double>();
        for (var epoch = 0; epoch < 10; epoch++)
        {
            foreach (var (x, y) in trainloader)
            {
                var yhat = model.forward(x);
                var loss = criterion.forward(yhat, y);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
            using (torch.no_grad()) LOSS.Add(criterion.forward(model.forward(_line.x), _line.y).item());
        }
        return LOSS;
    }

    /// <summary>logistic-regression: Linear + Sigmoid from w = -5, b = -10, BCELoss, SGD lr 2, batches of 3, 100 epochs.</summary>
    [Benchmark(Description = "g2_lesson_logistic_regression_bce")]
    public object LogisticRegression()
    {
        torch.manual_seed(1);
        var model = torch.nn.Sequential(torch.nn.Linear(1, 1), torch.nn.Sigmoid());
        model.state_dict()["0.weight"][0] = -5;
        model.state_dict()["0.bias"][0] = -10;
        var loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(_logisticX, _logisticY), batchSize: 3);
        var criterion = torch.nn.BCELoss();
        var optimizer = torch.optim.SGD(model.parameters(), lr: 2);
        var losses = new List<double>();
        for (var epoch = 0; epoch < 100; epoch++)
        {
            foreach (var (xb, yb) in loader)
            {
                var loss = criterion.forward(model.forward(xb), yb);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
            using (torch.no_grad()) losses.Add(criterion.forward(model.forward(_logisticX), _logisticY).item());
        }
        return losses;
    }

    /// <summary>softmax-classification: Linear(1, 3), CrossEntropyLoss, SGD lr 0.1, shuffled batches of 5, 100 epochs, loss and accuracy per epoch.</summary>
    [Benchmark(Description = "g3_lesson_softmax_cross_entropy")]
    public object SoftmaxClassification()
    {
        torch.manual_seed(1);
        var model = torch.nn.Sequential(torch.nn.Linear(1, 3));
        var criterion = torch.nn.CrossEntropyLoss();
        var loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(_softmaxX, _softmaxY), batchSize: 5, shuffle: true);
        var optimizer = torch.optim.SGD(model.parameters(), lr: 0.1);
        var LOSS = new List<double>();
        var ACC = new List<double>();
        for (var epoch = 0; epoch < 100; epoch++)
        {
            foreach (var (xb, yb) in loader)
            {
                var loss = criterion.forward(model.forward(xb), yb);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
            using (torch.no_grad())
            {
                var scores = model.forward(_softmaxX);
                LOSS.Add(criterion.forward(scores, _softmaxY).item());
                ACC.Add((scores.argmax(1) == _softmaxY).@float().mean().item());
            }
        }
        return LOSS;
    }

    /// <summary>xor: Net(2, 2, 1) (one hidden layer), BCELoss, SGD lr 1, shuffled batches of 10, 200 epochs.</summary>
    [Benchmark(Description = "g4_lesson_xor_hidden_layer")]
    public object Xor()
    {
        torch.manual_seed(1);
        var model = new Net(2, 2, 1);
        var criterion = torch.nn.BCELoss();
        var loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(_xorX, _xorY), batchSize: 10, shuffle: true);
        var optimizer = torch.optim.SGD(model.parameters(), lr: 1.0);
        var losses = new List<double>();
        for (var epoch = 0; epoch < 200; epoch++)
        {
            foreach (var (xb, yb) in loader)
            {
                var loss = criterion.forward(model.forward(xb), yb);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
            using (torch.no_grad()) losses.Add(criterion.forward(model.forward(_xorX), _xorY).item());
        }
        return losses;
    }

    /// <summary>momentum: 2-3-1 sigmoid network on the xor data, BCELoss, SGD lr 0.3 momentum 0.9, shuffled batches of 10, 100 epochs.</summary>
    [Benchmark(Description = "g5_lesson_momentum")]
    public object Momentum()
    {
        torch.manual_seed(2);
        var model = torch.nn.Sequential(torch.nn.Linear(2, 3), torch.nn.Sigmoid(), torch.nn.Linear(3, 1), torch.nn.Sigmoid());
        var criterion = torch.nn.BCELoss();
        var loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(_xorX, _xorY), batchSize: 10, shuffle: true);
        var optimizer = torch.optim.SGD(model.parameters(), lr: 0.3, momentum: 0.9);
        var losses = new List<double>();
        for (var epoch = 0; epoch < 100; epoch++)
        {
            foreach (var (xb, yb) in loader)
            {
                var loss = criterion.forward(model.forward(xb), yb);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
            using (torch.no_grad()) losses.Add(criterion.forward(model.forward(_xorX), _xorY).item());
        }
        return losses;
    }

    /// <summary>dropout: 1-100-100-1 ReLU network with Dropout(0.5), MSELoss, Adam lr 0.005, 300 full-batch epochs on 20 points.</summary>
    [Benchmark(Description = "g6_lesson_dropout_adam")]
    public object DropoutAdam()
    {
        torch.manual_seed(1);
        var model = torch.nn.Sequential(
            torch.nn.Linear(1, 100), torch.nn.ReLU(), torch.nn.Dropout(0.5),
            torch.nn.Linear(100, 100), torch.nn.ReLU(), torch.nn.Dropout(0.5),
            torch.nn.Linear(100, 1));
        var criterion = torch.nn.MSELoss();
        var optimizer = torch.optim.Adam(model.parameters(), lr: 0.005);
        model.train();
        Tensor loss = null!;
        for (var epoch = 0; epoch < 300; epoch++)
        {
            loss = criterion.forward(model.forward(_dropoutX), _dropoutY);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
        return loss;
    }

    /// <summary>784-100-10 (Linear, ReLU, Linear), CrossEntropyLoss, SGD lr 0.1, one epoch over 1,000 samples in batches of 100.</summary>
    [Benchmark(Description = "h_mlp_784_100_10_one_epoch")]
    public object MlpOneEpoch()
    {
        var criterion = torch.nn.CrossEntropyLoss();
        var optimizer = torch.optim.SGD(_mlp.parameters(), lr: 0.1);
        var loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(_images, _labels), batchSize: 100);
        Tensor loss = null!;
        foreach (var (xb, yb) in loader)
        {
            loss = criterion.forward(_mlp.forward(xb), yb);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
        return loss;
    }
}
