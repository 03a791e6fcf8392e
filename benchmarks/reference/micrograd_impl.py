"""The engine workload with micrograd itself under CPython: its Value and MLP, the same 2-4-1 ReLU net
on XOR, squared error summed over the 4 rows, SGD lr 0.05, 2000 steps, the initial weights from the
same linear congruential generator as engine.nn.

Prints `micrograd engine SECONDS FINAL_LOSS`, timing the training loop alone.
"""
import time

from micrograd.engine import Value
from micrograd.nn import MLP


def weights(count, state):
    out = []
    for _ in range(count):
        state = (state * 1103515245 + 12345) % 2147483648
        out.append(state / 2147483648 * 2 - 1)
    return out


def engine(steps=2000):
    model = MLP(2, [4, 1])
    for p, w in zip(model.parameters(), weights(len(model.parameters()), 2)):
        p.data = w
    X = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]
    y = [0.0, 1.0, 1.0, 0.0]
    start = time.perf_counter()
    for _ in range(steps):
        loss = sum(((model(x) - t) ** 2 for x, t in zip(X, y)), Value(0.0))
        model.zero_grad()
        loss.backward()
        for p in model.parameters():
            p.data -= 0.05 * p.grad
    return time.perf_counter() - start, loss.data


if __name__ == "__main__":
    seconds, loss = engine()
    print("micrograd engine", seconds, loss)
