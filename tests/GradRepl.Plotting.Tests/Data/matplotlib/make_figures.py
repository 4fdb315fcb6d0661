"""Renders the lab's two figures with matplotlib (3.6, Agg, default style) for the pixel-difference tests.

Run with the system Python: /usr/bin/python3 make_figures.py (writes square.png and relu.png beside this file).
The data is built as the lessons build it: torch.linspace(-10, 10, n) in float32.
"""
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def linspace(n):
    return np.array([np.float32(-10 + 20.0 * i / (n - 1)) for i in range(n)], dtype=np.float64)


def save(name, x, f, df):
    plt.figure()
    plt.plot(x, f, label="function")
    plt.plot(x, df, label="derivative")
    plt.xlabel("x")
    plt.legend()
    plt.savefig(os.path.join(HERE, name + ".png"), metadata={"Software": None})
    plt.close()


x = linspace(10)
save("square", x, x * x, 2 * x)
x = linspace(1000)
save("relu", x, np.maximum(x, 0), (x > 0).astype(np.float64))
