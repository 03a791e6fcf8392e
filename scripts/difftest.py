"""Replays nnlearn's random op graphs in PyTorch (float64) and compares losses and gradients.

Reads the JSON lines written by the DifferentialTests suite (NNLEARN_DIFFTEST_EMIT) and prints
`N passed, N failed`, then the smallest failing program, as nnlearn wrote it and in PyTorch.
"""
import json
import sys

import torch
import torch.nn.functional as F

RELATIVE = 1e-9
# Gradients that are 0 in exact arithmetic (x / x, a softmax summed) come out as rounding noise
# of order 1e-15 on either side; an absolute floor of 1e-12 keeps that noise from counting.
ABSOLUTE = 1e-12


def apply(step, values):
    op = step["op"]
    args = [values[i] for i in step["args"]]
    a = args[0]
    b = args[1] if len(args) > 1 else a
    p = step.get("number", 1.0)
    axis = step.get("axis")
    keep = step.get("keepdims", False)
    const = step.get("constant")
    target = torch.tensor(const["data"], dtype=torch.float64).reshape(const["shape"]) if const else None
    unary = {
        "neg": torch.neg, "exp": torch.exp, "log": torch.log, "sqrt": torch.sqrt, "abs": torch.abs,
        "tanh": torch.tanh, "sigmoid": torch.sigmoid, "relu": torch.relu, "selu": torch.selu,
        "gelu": F.gelu, "swish": F.silu, "softplus": F.softplus, "mish": F.mish,
    }
    if op in unary:
        return unary[op](a)
    if op == "add": return a + b
    if op == "sub": return a - b
    if op == "mul": return a * b
    if op == "div": return a / b
    if op == "pow": return a ** b
    if op == "pow_const": return a ** p
    if op == "matmul": return a @ b
    if op == "leaky_relu": return F.leaky_relu(a, p)
    if op == "elu": return F.elu(a, p)
    if op == "gelu_tanh": return F.gelu(a, approximate="tanh")
    if op == "clip": return torch.clamp(a, -p, p)
    if op in ("sum", "mean"):
        f = torch.sum if op == "sum" else torch.mean
        if axis is None:
            out = f(a)
            return out.reshape([1] * a.dim()) if keep else out
        return f(a, dim=axis, keepdim=keep)
    if op in ("max", "min"):
        if axis is None:
            out = torch.amax(a) if op == "max" else torch.amin(a)
            return out.reshape([1] * a.dim()) if keep else out
        return (torch.max if op == "max" else torch.min)(a, dim=axis, keepdim=keep).values
    if op == "softmax": return torch.softmax(a, dim=axis)
    if op == "log_softmax": return torch.log_softmax(a, dim=axis)
    if op == "logsumexp": return torch.logsumexp(a, dim=axis, keepdim=keep)
    if op == "transpose": return a.T
    if op == "flatten": return a.reshape(-1)
    if op == "index": return a[step["positions"]]
    if op == "mse": return F.mse_loss(a, b)
    if op == "l1_loss": return F.l1_loss(a, b)
    if op == "huber": return F.huber_loss(a, b, delta=p)
    if op == "smooth_l1": return F.smooth_l1_loss(a, b, beta=p)
    if op == "bce_logits": return F.binary_cross_entropy_with_logits(a, target)
    if op == "cross_entropy":
        matrix = a if a.dim() == 2 else a.reshape(1, -1)
        if target.shape == matrix.shape:
            return F.cross_entropy(matrix, target)
        return F.cross_entropy(matrix, target.long())
    raise ValueError(f"unknown op {op}")


def compare(got, expected):
    """(the largest |got - expected| over its tolerance, the largest relative difference where |expected| > 1e-6)."""
    scale = max([abs(x) for x in expected] + [0.0])
    ratio, relative = 0.0, 0.0
    for g, e in zip(got, expected):
        difference = abs(g - e)
        ratio = max(ratio, difference / (RELATIVE * max(abs(e), 1e-3 * scale) + ABSOLUTE))
        if abs(e) > 1e-6:
            relative = max(relative, difference / abs(e))
    return ratio, relative


def run(graph):
    leaves, values, index = [], [], 0
    for step in graph["steps"]:
        if step["op"] == "input":
            spec = graph["inputs"][index]
            index += 1
            leaf = torch.tensor(spec["data"], dtype=torch.float64).reshape(spec["shape"]).requires_grad_(True)
            leaves.append(leaf)
            values.append(leaf)
        else:
            values.append(apply(step, values))
    loss = values[-1]
    loss.backward()
    results = [compare([graph["output"]], [loss.item()])]
    for leaf, grad in zip(leaves, graph["grads"]):
        mine = grad["data"]
        theirs = leaf.grad.reshape(-1).tolist() if leaf.grad is not None else [0.0] * len(mine)
        results.append(compare(mine, theirs))
    return max(r[0] for r in results), max(r[1] for r in results)


def main(path):
    graphs = [json.loads(line) for line in open(path) if line.strip()]
    failed = []
    largest = 0.0
    for graph in graphs:
        try:
            ratio, relative = run(graph)
        except Exception as exc:  # a program PyTorch refuses is a failure too
            failed.append((graph, f"PyTorch raised {exc}"))
            continue
        if ratio <= 1:
            largest = max(largest, relative)
        else:
            failed.append((graph, f"a difference {ratio:.3g} times the tolerance (relative {relative:.3g})"))
    print(f"{len(graphs) - len(failed)} passed, {len(failed)} failed")
    print(f"largest relative difference among the passing (entries above 1e-6): {largest:.3g}")
    if failed:
        graph, why = min(failed, key=lambda item: (item[0]["ops"], len(item[0]["program"])))
        print(f"\nsmallest failing program (seed {graph['seed']}, {graph['ops']} ops): {why}")
        print(graph["program"])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
