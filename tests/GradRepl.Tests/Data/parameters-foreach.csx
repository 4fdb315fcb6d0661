var model = torch.nn.Linear(1, 1);
foreach (var p in model.parameters())
{
    using (torch.no_grad()) p -= 0.1 * p.grad;
}
