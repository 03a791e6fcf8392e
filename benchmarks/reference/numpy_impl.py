"""The benchmark workloads in NumPy from scratch: forward, hand-written backward, update.

Prints `numpy WORKLOAD SECONDS FINAL_LOSS`, timing the training loop alone.
"""
import os
import sys
import time

import numpy as np

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "lessons", "data")


def init(sizes, relu, rng):
    params = []
    for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
        std = np.sqrt(2.0 / fan_in) if relu else np.sqrt(2.0 / (fan_in + fan_out))
        params.append([rng.normal(0.0, std, (fan_in, fan_out)), np.zeros(fan_out)])
    return params


def softmax_cross_entropy(z, labels):
    """The mean cross-entropy of softmax(z) against class labels, and its gradient with respect to z."""
    shifted = z - z.max(axis=1, keepdims=True)
    logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    rows = np.arange(len(z))
    dz = np.exp(logp); dz[rows, labels] -= 1; dz /= len(z)
    return -logp[rows, labels].mean(), dz


def xor(steps=2000):
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float64)
    y = np.array([[0], [1], [1], [0]], dtype=np.float64)
    (W1, b1), (W2, b2) = init([2, 4, 1], False, np.random.default_rng(0))
    start = time.perf_counter()
    for _ in range(steps):
        a1 = np.tanh(X @ W1 + b1)
        a2 = 1.0 / (1.0 + np.exp(-(a1 @ W2 + b2)))
        p = np.clip(a2, 1e-12, 1 - 1e-12)
        loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
        dz2 = (a2 - y) / len(X)
        dW2, db2 = a1.T @ dz2, dz2.sum(axis=0)
        dz1 = (dz2 @ W2.T) * (1 - a1 ** 2)
        dW1, db1 = X.T @ dz1, dz1.sum(axis=0)
        W1 -= 0.5 * dW1; b1 -= 0.5 * db1; W2 -= 0.5 * dW2; b2 -= 0.5 * db2
    return time.perf_counter() - start, loss


def moons(epochs=100):
    data = np.loadtxt(os.path.join(DATA, "moons1000.csv"), delimiter=",", skiprows=1)
    X, y = data[:, :2], data[:, 2:3]
    params = init([2, 16, 8, 1], True, np.random.default_rng(0))
    start = time.perf_counter()
    for _ in range(epochs):
        for i in range(0, len(X), 32):
            xb, yb = X[i:i + 32], y[i:i + 32]
            (W1, b1), (W2, b2), (W3, b3) = params
            z1 = xb @ W1 + b1; a1 = np.maximum(z1, 0)
            z2 = a1 @ W2 + b2; a2 = np.maximum(z2, 0)
            a3 = 1.0 / (1.0 + np.exp(-(a2 @ W3 + b3)))
            p = np.clip(a3, 1e-12, 1 - 1e-12)
            loss = -np.mean(yb * np.log(p) + (1 - yb) * np.log(1 - p))
            dz3 = (a3 - yb) / len(xb)
            dW3, db3 = a2.T @ dz3, dz3.sum(axis=0)
            dz2 = (dz3 @ W3.T) * (z2 > 0)
            dW2, db2 = a1.T @ dz2, dz2.sum(axis=0)
            dz1 = (dz2 @ W2.T) * (z1 > 0)
            dW1, db1 = xb.T @ dz1, dz1.sum(axis=0)
            for (W, b), dW, db in zip(params, (dW1, dW2, dW3), (db1, db2, db3)):
                W -= 0.1 * dW; b -= 0.1 * db
    return time.perf_counter() - start, loss


def digits(epochs=40):
    data = np.loadtxt(os.path.join(DATA, "digits.csv"), delimiter=",", skiprows=1)
    X, labels = data[:, :64] / 16.0, data[:, 64].astype(int)
    params = init([64, 25, 15, 10], True, np.random.default_rng(0))
    m = [[np.zeros_like(W), np.zeros_like(b)] for W, b in params]
    v = [[np.zeros_like(W), np.zeros_like(b)] for W, b in params]
    b1, b2, eps, lr, t = 0.9, 0.999, 1e-8, 1e-3, 0
    start = time.perf_counter()
    for _ in range(epochs):
        for i in range(0, len(X), 32):
            xb, yb = X[i:i + 32], labels[i:i + 32]
            (W1, c1), (W2, c2), (W3, c3) = params
            z1 = xb @ W1 + c1; a1 = np.maximum(z1, 0)
            z2 = a1 @ W2 + c2; a2 = np.maximum(z2, 0)
            z3 = a2 @ W3 + c3
            loss, dz3 = softmax_cross_entropy(z3, yb)
            dW3, dc3 = a2.T @ dz3, dz3.sum(axis=0)
            dz2 = (dz3 @ W3.T) * (z2 > 0)
            dW2, dc2 = a1.T @ dz2, dz2.sum(axis=0)
            dz1 = (dz2 @ W2.T) * (z1 > 0)
            dW1, dc1 = xb.T @ dz1, dz1.sum(axis=0)
            t += 1
            for k, grads in enumerate(((dW1, dc1), (dW2, dc2), (dW3, dc3))):
                for j, g in enumerate(grads):
                    m[k][j] = b1 * m[k][j] + (1 - b1) * g
                    v[k][j] = b2 * v[k][j] + (1 - b2) * g * g
                    mhat = m[k][j] / (1 - b1 ** t); vhat = v[k][j] / (1 - b2 ** t)
                    params[k][j] -= lr * mhat / (np.sqrt(vhat) + eps)
    return time.perf_counter() - start, loss


def wide(epochs=3):
    rng = np.random.default_rng(0)
    X = rng.standard_normal((4096, 784))
    labels = (X @ rng.standard_normal((784, 10))).argmax(axis=1)
    params = init([784, 256, 10], True, rng)
    start = time.perf_counter()
    for _ in range(epochs):
        for i in range(0, len(X), 128):
            xb, yb = X[i:i + 128], labels[i:i + 128]
            (W1, c1), (W2, c2) = params
            z1 = xb @ W1 + c1; a1 = np.maximum(z1, 0)
            z2 = a1 @ W2 + c2
            loss, dz2 = softmax_cross_entropy(z2, yb)
            dW2, dc2 = a1.T @ dz2, dz2.sum(axis=0)
            dz1 = (dz2 @ W2.T) * (z1 > 0)
            dW1, dc1 = xb.T @ dz1, dz1.sum(axis=0)
            for (W, b), dW, db in zip(params, (dW1, dW2), (dc1, dc2)):
                W -= 0.05 * dW; b -= 0.05 * db
    return time.perf_counter() - start, loss


if __name__ == "__main__":
    workload = sys.argv[1]
    seconds, loss = {"xor": xor, "moons": moons, "digits": digits, "wide": wide}[workload]()
    print(f"numpy {workload} {seconds} {loss}")
