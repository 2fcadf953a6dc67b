"""The same network and loop in PyTorch on the CPU, when PyTorch is importable.

Same configuration as the book (hidden 50, lr 0.1, batch 100 drawn with replacement, 10000
iterations, accuracy on both full sets every 600 iterations); float32, class-index labels,
``torch.optim.SGD`` and the fused ``cross_entropy``. Imported only by ``run.py``.
"""

from __future__ import annotations

import time

import numpy as np


def train_torch(data, *, hidden_size=50, learning_rate=0.1, batch_size=100, iters=10_000,
                seed=0, threads=1):
    """Train with PyTorch; return seconds and the final test accuracy, or None without torch."""
    try:
        import torch
    except ImportError:
        return None
    torch.set_num_threads(threads)
    torch.manual_seed(seed)
    (x_train, t_train), (x_test, t_test) = data
    x_train_t = torch.from_numpy(np.ascontiguousarray(x_train, dtype=np.float32))
    t_train_t = torch.from_numpy(np.asarray(t_train, dtype=np.int64))
    x_test_t = torch.from_numpy(np.ascontiguousarray(x_test, dtype=np.float32))
    t_test_t = torch.from_numpy(np.asarray(t_test, dtype=np.int64))
    model = torch.nn.Sequential(
        torch.nn.Linear(x_train.shape[1], hidden_size),
        torch.nn.ReLU(),
        torch.nn.Linear(hidden_size, 10),
    )
    with torch.no_grad():
        for layer in (model[0], model[2]):
            layer.weight.normal_(0.0, 0.01)
            layer.bias.zero_()
    optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
    train_size = x_train.shape[0]
    iter_per_epoch = max(train_size / batch_size, 1)

    def accuracy(x, t):
        with torch.no_grad():
            return float((model(x).argmax(dim=1) == t).float().mean())

    start = time.perf_counter()
    for i in range(iters):
        batch = torch.randint(0, train_size, (batch_size,))
        loss = torch.nn.functional.cross_entropy(model(x_train_t[batch]), t_train_t[batch])
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        loss.item()
        if i % iter_per_epoch == 0:
            accuracy(x_train_t, t_train_t)
            accuracy(x_test_t, t_test_t)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "final_test_acc": accuracy(x_test_t, t_test_t),
            "threads": threads, "version": torch.__version__}
