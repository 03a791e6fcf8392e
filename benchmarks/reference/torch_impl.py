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


if __name__ == "__main__":
    workload = sys.argv[1]
    seconds, loss = {"xor": xor, "moons": moons, "digits": digits}[workload]()
    print(f"pytorch {workload} {seconds} {loss}")
