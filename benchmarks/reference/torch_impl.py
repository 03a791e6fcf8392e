"""The benchmark workloads in PyTorch (float64, one thread), training loop timed alone.

Prints `pytorch WORKLOAD SECONDS FINAL_LOSS`.
"""
import os
import sys
import time

import numpy as np
import torch

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "lessons", "data")


def mlp(sizes, hidden, output=None):
    layers = []
    for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:])):
        layers.append(torch.nn.Linear(a, b))
        if i < len(sizes) - 2:
            layers.append(hidden())
    if output:
        layers.append(output())
    return torch.nn.Sequential(*layers)


def train(model, loss_fn, optimizer, batches, epochs):
    start = time.perf_counter()
    for _ in range(epochs):
        for xb, yb in batches:
            optimizer.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            optimizer.step()
    return time.perf_counter() - start, loss.item()


def xor():
    torch.manual_seed(0)
    X = torch.tensor([[0., 0.], [0., 1.], [1., 0.], [1., 1.]])
    y = torch.tensor([[0.], [1.], [1.], [0.]])
    model = mlp([2, 4, 1], torch.nn.Tanh, torch.nn.Sigmoid)
    return train(model, torch.nn.BCELoss(), torch.optim.SGD(model.parameters(), lr=0.5), [(X, y)], 2000)


def moons():
    torch.manual_seed(0)
    data = torch.tensor(np.loadtxt(os.path.join(DATA, "moons1000.csv"), delimiter=",", skiprows=1))
    X, y = data[:, :2], data[:, 2:3]
    batches = [(X[i:i + 32], y[i:i + 32]) for i in range(0, len(X), 32)]
    model = mlp([2, 16, 8, 1], torch.nn.ReLU, torch.nn.Sigmoid)
    return train(model, torch.nn.BCELoss(), torch.optim.SGD(model.parameters(), lr=0.1), batches, 100)


def digits():
    torch.manual_seed(0)
    data = torch.tensor(np.loadtxt(os.path.join(DATA, "digits.csv"), delimiter=",", skiprows=1))
    X, y = data[:, :64] / 16, data[:, 64].long()
    batches = [(X[i:i + 32], y[i:i + 32]) for i in range(0, len(X), 32)]
    model = mlp([64, 25, 15, 10], torch.nn.ReLU)
    return train(model, torch.nn.CrossEntropyLoss(), torch.optim.Adam(model.parameters(), lr=1e-3), batches, 40)


def wide():
    torch.manual_seed(0)
    X = torch.randn(4096, 784)
    y = (X @ torch.randn(784, 10)).argmax(dim=1)
    batches = [(X[i:i + 128], y[i:i + 128]) for i in range(0, len(X), 128)]
    model = mlp([784, 256, 10], torch.nn.ReLU)
    return train(model, torch.nn.CrossEntropyLoss(), torch.optim.SGD(model.parameters(), lr=0.05), batches, 3)


def cnn():
    torch.manual_seed(0)
    data = torch.tensor(np.loadtxt(os.path.join(DATA, "digits.csv"), delimiter=",", skiprows=1))
    X, y = (data[:, :64] / 16).reshape(-1, 1, 8, 8), data[:, 64].long()
    batches = [(X[i:i + 32], y[i:i + 32]) for i in range(0, len(X), 32)]
    model = torch.nn.Sequential(torch.nn.Conv2d(1, 8, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
                                torch.nn.Flatten(), torch.nn.Linear(128, 10))
    return train(model, torch.nn.CrossEntropyLoss(), torch.optim.Adam(model.parameters(), lr=1e-3), batches, 5)


class LastStateLSTM(torch.nn.Module):
    """torch.nn.LSTM over the sequence, its last h through a dense layer."""

    def __init__(self, hidden, classes):
        super().__init__()
        self.lstm = torch.nn.LSTM(1, hidden, batch_first=True)
        self.head = torch.nn.Linear(hidden, classes)

    def forward(self, x):
        _, (h, _) = self.lstm(x)
        return self.head(h[-1])


def lstm():
    torch.manual_seed(0)
    X = torch.rand(512, 20, 1) * 2 - 1
    y = (X.sum(dim=(1, 2)) > 0).long()
    batches = [(X[i:i + 32], y[i:i + 32]) for i in range(0, len(X), 32)]
    model = LastStateLSTM(32, 2)
    return train(model, torch.nn.CrossEntropyLoss(), torch.optim.Adam(model.parameters(), lr=1e-2), batches, 5)


if __name__ == "__main__":
    workload = sys.argv[1]
    seconds, loss = {"xor": xor, "moons": moons, "digits": digits, "wide": wide, "cnn": cnn, "lstm": lstm}[workload]()
    print(f"pytorch {workload} {seconds} {loss}")
