"""The book's layers (chapter 5): every backward against a numerical gradient."""

from __future__ import annotations

import math

import numpy as np
import pytest

from desktop_nn.core.functions import cross_entropy_error, softmax
from desktop_nn.core.gradient import numerical_gradient
from desktop_nn.core.layers import (
    AddLayer,
    Affine,
    InputAffine,
    MatMul,
    MulLayer,
    Relu,
    Sigmoid,
    SoftmaxWithLoss,
)
from tests.numerics import (
    assert_within,
    central_difference_rounding,
    gamma,
    libm_error,
    matmul_error,
    unit_roundoff,
)


def projected(forward, dout):
    """Return f(v) = sum(forward(v) * dout): its gradient is what backward(dout) computes."""
    return lambda v: float(np.sum(forward(v) * dout))


def away_from_zero(rng, shape, margin=0.05):
    """Normal values with none closer than ``margin`` to 0 (ReLU's kink)."""
    x = rng.normal(size=shape)
    return np.where(np.abs(x) < margin, np.sign(x + 1e-12) * margin * 2, x)


# --- the book's apples ---------------------------------------------------------------------


def test_buy_apple_book_numbers():
    apple, apple_num, tax = 100, 2, 1.1
    mul_apple_layer, mul_tax_layer = MulLayer(), MulLayer()
    apple_price = mul_apple_layer.forward(apple, apple_num)
    price = mul_tax_layer.forward(apple_price, tax)
    assert apple_price == 200
    assert price == pytest.approx(220)

    dprice = 1
    dapple_price, dtax = mul_tax_layer.backward(dprice)
    dapple, dapple_num = mul_apple_layer.backward(dapple_price)
    assert dapple == pytest.approx(2.2)
    assert dapple_num == pytest.approx(110)
    assert dtax == 200


def test_buy_apple_orange_book_numbers():
    apple, apple_num, orange, orange_num, tax = 100, 2, 150, 3, 1.1
    mul_apple, mul_orange, add_fruit, mul_tax = MulLayer(), MulLayer(), AddLayer(), MulLayer()
    apple_price = mul_apple.forward(apple, apple_num)
    orange_price = mul_orange.forward(orange, orange_num)
    all_price = add_fruit.forward(apple_price, orange_price)
    price = mul_tax.forward(all_price, tax)
    assert all_price == 650
    assert price == pytest.approx(715)

    dall_price, dtax = mul_tax.backward(1)
    dapple_price, dorange_price = add_fruit.backward(dall_price)
    dorange, dorange_num = mul_orange.backward(dorange_price)
    dapple, dapple_num = mul_apple.backward(dapple_price)
    assert dapple_num == pytest.approx(110)
    assert dapple == pytest.approx(2.2)
    assert dorange == pytest.approx(3.3)
    assert dorange_num == pytest.approx(165)
    assert dtax == 650


# --- MulLayer and AddLayer on arrays -------------------------------------------------------


def test_mul_layer_backward_matches_numerical():
    rng = np.random.default_rng(0)
    x, y, dout = rng.normal(size=(3, 4)), rng.normal(size=(3, 4)), rng.normal(size=(3, 4))
    layer = MulLayer()
    layer.forward(x, y)
    kept = dout.copy()
    dx, dy = layer.backward(dout)
    np.testing.assert_array_equal(dout, kept)
    np.testing.assert_allclose(dx, numerical_gradient(projected(lambda v: v * y, dout), x),
                               rtol=1e-7, atol=1e-9)
    np.testing.assert_allclose(dy, numerical_gradient(projected(lambda v: x * v, dout), y),
                               rtol=1e-7, atol=1e-9)


def test_add_layer_backward_matches_numerical():
    rng = np.random.default_rng(1)
    x, y, dout = rng.normal(size=(2, 5)), rng.normal(size=(2, 5)), rng.normal(size=(2, 5))
    layer = AddLayer()
    np.testing.assert_array_equal(layer.forward(x, y), x + y)
    kept = dout.copy()
    dx, dy = layer.backward(dout)
    np.testing.assert_array_equal(dout, kept)
    np.testing.assert_allclose(dx, numerical_gradient(projected(lambda v: v + y, dout), x),
                               rtol=1e-7, atol=1e-9)
    np.testing.assert_allclose(dy, numerical_gradient(projected(lambda v: x + v, dout), y),
                               rtol=1e-7, atol=1e-9)


# --- activations ---------------------------------------------------------------------------


def test_relu_forward_and_backward():
    rng = np.random.default_rng(2)
    x = away_from_zero(rng, (4, 6))
    x_kept = x.copy()
    layer = Relu()
    out = layer.forward(x)
    np.testing.assert_array_equal(out, np.maximum(x, 0))
    np.testing.assert_array_equal(x, x_kept)  # the book's forward copies; so must this

    dout = rng.normal(size=(4, 6))
    kept = dout.copy()
    dx = layer.backward(dout)
    np.testing.assert_array_equal(dout, kept)  # the book's Relu zeroed dout in place
    np.testing.assert_array_equal(dx, np.where(x > 0, dout, 0.0))
    numeric = numerical_gradient(projected(lambda v: Relu().forward(v), dout), x)
    np.testing.assert_allclose(dx, numeric, rtol=1e-7, atol=1e-9)


def test_relu_zero_input_gets_zero_gradient():
    layer = Relu()
    layer.forward(np.array([-1.0, 0.0, 1.0]))
    np.testing.assert_array_equal(layer.backward(np.array([5.0, 5.0, 5.0])), [0.0, 0.0, 5.0])


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_relu_keeps_dtype(dtype):
    layer = Relu()
    assert layer.forward(np.array([-1.0, 2.0], dtype=dtype)).dtype == dtype
    assert layer.backward(np.array([1.0, 1.0], dtype=dtype)).dtype == dtype


def test_sigmoid_layer_backward_matches_numerical():
    rng = np.random.default_rng(3)
    x = rng.normal(scale=2.0, size=(3, 5))
    layer = Sigmoid()
    out = layer.forward(x)
    # The layer's stable form exp(-|x|) (2 libm_error + 2u) against the plain formula
    # (libm_error + 2u): different arguments of exp for x < 0, so the errors add.
    np.testing.assert_allclose(out, 1 / (1 + np.exp(-x)),
                               rtol=3 * libm_error() + 4 * unit_roundoff())
    dout = rng.normal(size=(3, 5))
    kept = dout.copy()
    dx = layer.backward(dout)
    np.testing.assert_array_equal(dout, kept)
    numeric = numerical_gradient(projected(lambda v: Sigmoid().forward(v), dout), x)
    # Terms sigmoid(x) * dout, each off by 2 libm_error + 3u: up to 2e-10 after the quotient.
    term_error = 2 * libm_error() + 3 * unit_roundoff()
    rounding = central_difference_rounding(out * dout, x, dx, 1e-4, term_error)
    assert_within(dx, numeric, 1e-6 * np.abs(numeric) + 1e-10 + rounding)


# --- Affine --------------------------------------------------------------------------------


def check_affine_gradients(layer_class, x, W, b, dout):
    """Compare dx (unless None), dW and db of a fresh layer with central differences."""
    layer = layer_class(W, b)
    out = layer.forward(x)
    kept = dout.copy()
    dx = layer.backward(dout)
    np.testing.assert_array_equal(dout, kept)

    def loss(_):  # reads x, W, b through the closure; numerical_gradient nudges them in place
        return float(np.sum(layer_class(W, b).forward(x) * dout))

    # f = sum(out * dout): each out is a dot product of length D plus b (gamma_{D+1} of its
    # magnitude), times dout; then the sum. That is up to 1e-9 after the quotient by h.
    x2 = x.reshape(-1, W.shape[0])
    magnitude = (np.abs(x2) @ np.abs(W) + np.abs(b)) * np.abs(dout).reshape(len(x2), -1)
    term_error = gamma(W.shape[0] + 2)

    def allowed(grad, values):
        rounding = central_difference_rounding(magnitude, values, grad, 1e-4, term_error)
        return 1e-6 * np.abs(grad) + 1e-9 + rounding

    assert_within(layer.dW, numerical_gradient(loss, W), allowed(layer.dW, W))
    assert_within(layer.db, numerical_gradient(loss, b), allowed(layer.db, b))
    if dx is not None:
        assert dx.shape == x.shape
        assert_within(dx, numerical_gradient(loss, x), allowed(dx, x))
    return out, dx


def test_affine_forward_is_x_w_plus_b():
    rng = np.random.default_rng(4)
    x, W, b = rng.normal(size=(5, 4)), rng.normal(size=(4, 3)), rng.normal(size=3)
    np.testing.assert_allclose(Affine(W, b).forward(x), x @ W + b, rtol=1e-15)


def test_affine_backward_matches_numerical():
    rng = np.random.default_rng(5)
    x, W, b = rng.normal(size=(5, 4)), rng.normal(size=(4, 3)), rng.normal(size=3)
    dout = rng.normal(size=(5, 3))
    out, dx = check_affine_gradients(Affine, x, W, b, dout)
    assert out.shape == (5, 3)
    # The closed forms as in the book.
    np.testing.assert_allclose(dx, dout @ W.T, rtol=1e-15)


def test_affine_with_image_shaped_input_restores_dx_shape():
    rng = np.random.default_rng(6)
    x = rng.random(size=(2, 1, 28, 28))
    W, b = rng.normal(scale=0.1, size=(784, 3)), rng.normal(size=3)
    layer = Affine(W, b)
    out = layer.forward(x)
    np.testing.assert_allclose(out, x.reshape(2, 784) @ W + b, rtol=1e-13)
    dout = rng.normal(size=(2, 3))
    dx = layer.backward(dout)
    assert dx.shape == (2, 1, 28, 28)
    np.testing.assert_allclose(dx.reshape(2, 784), dout @ W.T, rtol=1e-14)
    np.testing.assert_allclose(layer.dW, x.reshape(2, 784).T @ dout, rtol=1e-14)


def test_affine_with_small_image_shaped_input_matches_numerical():
    rng = np.random.default_rng(7)
    x = rng.normal(size=(3, 2, 2, 2))
    W, b = rng.normal(size=(8, 4)), rng.normal(size=4)
    check_affine_gradients(Affine, x, W, b, rng.normal(size=(3, 4)))


def test_affine_single_sample():
    rng = np.random.default_rng(8)
    x, W, b = rng.normal(size=4), rng.normal(size=(4, 3)), rng.normal(size=3)
    dout = rng.normal(size=3)
    out, dx = check_affine_gradients(Affine, x, W, b, dout)
    assert out.shape == (3,)
    np.testing.assert_allclose(out, x @ W + b, rtol=1e-15)
    assert dx.shape == (4,)


def test_affine_shares_its_arrays():
    W, b = np.ones((2, 2)), np.zeros(2)
    layer = Affine(W, b)
    assert layer.W is W and layer.b is b
    W *= 3  # an in-place update, as optimizers make
    np.testing.assert_array_equal(layer.forward(np.array([[1.0, 1.0]])), [[6.0, 6.0]])


# --- InputAffine ---------------------------------------------------------------------------


def affine_error(x, W, b, dout):
    """Bounds on the errors of Affine's out = x @ W + b and dW = x.T @ dout, any BLAS kernel.

    InputAffine leaves out the all-zero columns: the same sums without some zero terms, in
    another order. Two computations differ by at most twice these.
    """
    x2, dout2 = x.reshape(-1, W.shape[0]), dout.reshape(-1, W.shape[1])
    u = unit_roundoff(W.dtype)
    out = matmul_error(x2, W) + u * (np.abs(x2) @ np.abs(W) + np.abs(b))  # and adding b
    return out.reshape(dout.shape), matmul_error(x2.T, dout2)


def compare_input_affine(x, W, b, dout):
    plain, fast = Affine(W, b), InputAffine(W, b)
    out_plain, out_fast = plain.forward(x), fast.forward(x)
    out_error, dW_error = affine_error(x, W, b, dout)
    assert_within(out_fast, out_plain, 2 * out_error)
    plain.backward(dout)
    assert fast.backward(dout) is None
    assert_within(fast.dW, plain.dW, 2 * dW_error)
    np.testing.assert_array_equal(fast.db, plain.db)  # the same sum of dout
    assert fast.dW.shape == W.shape
    return fast


def test_input_affine_equals_affine_on_sparse_mnist_batch(mnist):
    (x_train, _), _ = mnist
    x = x_train[:100].astype(np.float64)
    assert (~x.any(axis=0)).sum() > 50  # the premise: many pixels black in every image
    rng = np.random.default_rng(9)
    W, b = rng.normal(scale=0.01, size=(784, 50)), rng.normal(size=50)
    fast = compare_input_affine(x, W, b, rng.normal(size=(100, 50)))
    assert fast.active is not None  # the sparse path was exercised
    # Rows of dW for all-black pixels are exactly zero.
    black = ~x.any(axis=0)
    assert np.all(fast.dW[black] == 0)


def test_input_affine_equals_affine_on_float32_mnist_batch(mnist):
    (x_train, _), _ = mnist
    x = x_train[100:164]
    rng = np.random.default_rng(10)
    W = rng.normal(scale=0.01, size=(784, 20)).astype(np.float32)
    b = np.zeros(20, dtype=np.float32)
    plain, fast = Affine(W, b), InputAffine(W, b)
    dout = rng.normal(size=(64, 20)).astype(np.float32)
    # float32 sums of 784 products: their order (AVX2 or AVX-512 kernels) matters far more.
    out_error, dW_error = affine_error(x, W, b, dout)
    assert_within(fast.forward(x), plain.forward(x), 2 * out_error)
    plain.backward(dout)
    fast.backward(dout)
    assert fast.dW.dtype == np.float32
    assert_within(fast.dW, plain.dW, 2 * dW_error)


def test_input_affine_equals_affine_on_dense_input():
    rng = np.random.default_rng(11)
    x, W, b = rng.normal(size=(20, 30)), rng.normal(size=(30, 5)), rng.normal(size=5)
    fast = compare_input_affine(x, W, b, rng.normal(size=(20, 5)))
    assert fast.active is None


def test_input_affine_all_zero_and_single_sample():
    rng = np.random.default_rng(12)
    W, b = rng.normal(size=(6, 3)), rng.normal(size=3)
    fast = compare_input_affine(np.zeros((4, 6)), W, b, rng.normal(size=(4, 3)))
    np.testing.assert_array_equal(fast.dW, 0.0)
    x = np.array([0.0, 0.5, 0.0, 0.0, 1.0, 0.0])
    fast = compare_input_affine(x, W, b, rng.normal(size=3))
    assert fast.forward(x).shape == (3,)


def test_input_affine_gradients_match_numerical():
    rng = np.random.default_rng(13)
    x = rng.normal(size=(5, 8))
    x[:, [1, 4, 5]] = 0.0  # some all-zero columns
    W, b = rng.normal(size=(8, 3)), rng.normal(size=3)
    _, dx = check_affine_gradients(InputAffine, x, W, b, rng.normal(size=(5, 3)))
    assert dx is None


def test_input_affine_with_image_shaped_input(mnist):
    (x_train, _), _ = mnist
    images = x_train[:4].reshape(4, 1, 28, 28).astype(np.float64)
    rng = np.random.default_rng(14)
    W, b = rng.normal(scale=0.01, size=(784, 7)), np.zeros(7)
    out_error, _ = affine_error(images, W, b, np.zeros((4, 7)))
    assert_within(InputAffine(W, b).forward(images), images.reshape(4, 784) @ W, 2 * out_error)


# --- SoftmaxWithLoss -----------------------------------------------------------------------


@pytest.mark.parametrize("labels", ["index", "one-hot"])
def test_softmax_with_loss_backward_matches_numerical(labels):
    rng = np.random.default_rng(15)
    x = rng.normal(scale=2.0, size=(4, 5))
    index = np.array([0, 3, 4, 3])
    t = index if labels == "index" else np.eye(5)[index]
    layer = SoftmaxWithLoss(delta=0.0)  # backward is the derivative of the exact loss
    loss = layer.forward(x, t)
    assert loss == pytest.approx(cross_entropy_error(softmax(x), index, delta=0.0), rel=1e-14)
    dx = layer.backward()
    np.testing.assert_allclose(dx, (softmax(x) - np.eye(5)[index]) / 4, rtol=1e-12, atol=1e-15)
    numeric = numerical_gradient(lambda v: SoftmaxWithLoss(delta=0.0).forward(v, t), x)
    np.testing.assert_allclose(dx, numeric, rtol=1e-6, atol=1e-10)


def test_softmax_with_loss_default_delta_is_the_books():
    x = np.array([[0.0, 0.0, math.log(4.0)]])  # softmax (1/6, 1/6, 2/3)
    layer = SoftmaxWithLoss()
    assert layer.delta == 1e-7
    assert layer.forward(x, np.array([2])) == pytest.approx(-math.log(2 / 3 + 1e-7), rel=1e-14)


def test_softmax_with_loss_dout_scales_the_gradient():
    rng = np.random.default_rng(16)
    x, t = rng.normal(size=(3, 4)), np.array([1, 0, 3])
    layer = SoftmaxWithLoss()
    layer.forward(x, t)
    one = layer.backward(1.0)
    np.testing.assert_allclose(layer.backward(2.5), 2.5 * one, rtol=1e-15)
    np.testing.assert_allclose(layer.backward(), one, rtol=0)
    # Backward is repeatable: it never changes its own stored output.
    np.testing.assert_array_equal(layer.backward(1.0), one)


def test_softmax_with_loss_single_sample():
    x = np.array([1.0, 2.0, 0.5])
    for t in (np.array(1), np.array([0.0, 1.0, 0.0])):
        layer = SoftmaxWithLoss(delta=0.0)
        loss = layer.forward(x, t)
        assert loss == pytest.approx(-math.log(softmax(x)[1]), rel=1e-14)
        dx = layer.backward()
        assert dx.shape == (3,)
        np.testing.assert_allclose(dx, softmax(x) - [0.0, 1.0, 0.0], rtol=1e-14)


def test_softmax_with_loss_does_not_modify_labels_or_scores():
    rng = np.random.default_rng(17)
    x, t = rng.normal(size=(3, 4)), np.eye(4)[[0, 2, 1]]
    x_kept, t_kept = x.copy(), t.copy()
    layer = SoftmaxWithLoss()
    layer.forward(x, t)
    layer.backward(1.0)
    np.testing.assert_array_equal(x, x_kept)
    np.testing.assert_array_equal(t, t_kept)


# --- no backward mutates its argument ------------------------------------------------------


def _layers_with_forward(rng):
    x = away_from_zero(rng, (3, 4))
    W, b = rng.normal(size=(4, 4)), rng.normal(size=4)
    mul, add, relu, sig, aff, inp = MulLayer(), AddLayer(), Relu(), Sigmoid(), Affine(W, b), \
        InputAffine(W, b)
    mul.forward(x, x + 1)
    add.forward(x, x)
    relu.forward(x)
    sig.forward(x)
    aff.forward(x)
    inp.forward(np.where(x > 0, x, 0.0))
    return [mul, add, relu, sig, aff, inp]


def test_no_backward_mutates_dout():
    rng = np.random.default_rng(18)
    for layer in _layers_with_forward(rng):
        dout = rng.normal(size=(3, 4))
        kept = dout.copy()
        result = layer.backward(dout)
        np.testing.assert_array_equal(dout, kept, err_msg=type(layer).__name__)
        # Using the result in place must not reach back into dout either.
        for part in result if isinstance(result, tuple) else (result,):
            if part is not None and part is not dout:
                part += 1.0
        np.testing.assert_array_equal(dout, kept, err_msg=type(layer).__name__)


def test_add_layer_returns_two_independent_gradients():
    dout = np.array([1.0, 2.0])
    dx, dy = AddLayer().backward(dout)
    dx[0] = 99.0
    assert dy[0] == 1.0 and dout[0] == 1.0


def test_softmax_with_loss_keeps_float32_with_one_hot_labels():
    layer = SoftmaxWithLoss()
    scores = np.array([[1.0, 2.0, 0.5]], dtype=np.float32)
    layer.forward(scores, np.array([[0.0, 1.0, 0.0]]))  # float64 one-hot
    assert layer.backward().dtype == np.float32


# --- MatMul (simpleNet's product) ------------------------------------------------------------


def test_matmul_backward_matches_numerical():
    rng = np.random.default_rng(11)
    x, W, dout = rng.normal(size=(4, 3)), rng.normal(size=(3, 2)), rng.normal(size=(4, 2))
    layer = MatMul(W)
    np.testing.assert_allclose(layer.forward(x), x @ W, rtol=1e-15)
    kept = dout.copy()
    dx = layer.backward(dout)
    np.testing.assert_array_equal(dout, kept)

    def loss(_):  # reads x and W through the closure; numerical_gradient nudges them in place
        return float(np.sum(MatMul(W).forward(x) * dout))

    # The loss is bilinear: the central difference has no truncation error, only rounding
    # (about eps·|loss|/h = 1e-11), far below 1e-9.
    np.testing.assert_allclose(layer.dW, numerical_gradient(loss, W), rtol=1e-7, atol=1e-9)
    np.testing.assert_allclose(dx, numerical_gradient(loss, x), rtol=1e-7, atol=1e-9)


def test_matmul_one_sample():
    W = np.arange(6.0).reshape(2, 3)
    layer = MatMul(W)
    out = layer.forward(np.array([0.6, 0.9]))
    assert out.shape == (3,)
    dx = layer.backward(np.array([1.0, 0.0, -1.0]))
    assert dx.shape == (2,)
    np.testing.assert_allclose(layer.dW, [[0.6, 0.0, -0.6], [0.9, 0.0, -0.9]])
    np.testing.assert_allclose(dx, W @ [1.0, 0.0, -1.0])
