"""The floating-point bound of a training run: its FLOPs at this machine's sgemm rate.

The rate is that of single-threaded float32 matrix products of the training's own shape, a
batch (100, 784) by W1 (784, 50), with both operands in cache: what one core's BLAS kernel
sustains on this shape. The FLOPs are those of the dense arithmetic a training run cannot do
without: per iteration the forward products ``x @ W1`` and ``z1 @ W2`` and the backward products
``z1.T @ dy``, ``dy @ W2.T`` and ``x.T @ dz1`` (2 multiply-adds each), per evaluation the forward
products on every image. Element-wise work (bias, ReLU, softmax, the update) is not counted.
Imported by ``run.py``, which measures the rate in its own interpreter, interleaved with the
contenders.
"""

from __future__ import annotations

import statistics
import time

BATCHES_PER_CHUNK = 200
CHUNKS = 15


def training_flops(
    iters: int, batch: int, inputs: int, hidden: int, classes: int,
    evaluations: int, evaluated_images: int,
) -> dict:
    """FLOPs of ``iters`` iterations and ``evaluations`` scorings of ``evaluated_images``."""
    forward = 2 * (inputs * hidden + hidden * classes)  # per image
    backward = 2 * (2 * hidden * classes + inputs * hidden)  # per image, no input gradient
    training = iters * batch * (forward + backward)
    scoring = evaluations * evaluated_images * forward
    return {"training": training, "evaluations": scoring, "total": training + scoring}


def sgemm_rate(batch: int = 100, inputs: int = 784, hidden: int = 50, seed: int = 0) -> dict:
    """Measure single-threaded sgemm on (batch, inputs) @ (inputs, hidden), in GFLOP/s.

    Returns the median and the best of ``CHUNKS`` chunks of ``BATCHES_PER_CHUNK`` products,
    after a warm-up chunk. The operands are real MNIST images (black pixels included) and
    Gaussian weights, so that no denormal slows the kernel that training would not meet.
    """
    import numpy as np
    from threadpoolctl import threadpool_limits

    from desktop_nn.data import load_mnist

    (x_train, _), _ = load_mnist()
    rng = np.random.default_rng(seed)
    x = np.ascontiguousarray(x_train[rng.integers(0, len(x_train), batch), :inputs])
    w = (0.01 * rng.standard_normal((inputs, hidden))).astype(np.float32)
    out = np.empty((batch, hidden), np.float32)
    flops = 2 * batch * inputs * hidden * BATCHES_PER_CHUNK
    rates = []
    with threadpool_limits(1, user_api="blas"):
        for chunk in range(CHUNKS + 1):
            start = time.perf_counter()
            for _ in range(BATCHES_PER_CHUNK):
                np.matmul(x, w, out=out)
            elapsed = time.perf_counter() - start
            if chunk:  # the first chunk warms the caches up
                rates.append(flops / elapsed / 1e9)
    return {"median_gflops": statistics.median(rates), "best_gflops": max(rates)}
