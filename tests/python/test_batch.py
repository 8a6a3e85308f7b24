"""KnowledgeBase.score_batch: numpy in, numpy out, equal to assess."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

import myoref
from conftest import coarse_part_columns


def random_drawings(kb, n, seed=7, density=0.12):
    rng = np.random.default_rng(seed)
    regions = len(kb.region_keys())
    painful = rng.random((n, regions)) < density
    values = rng.integers(0, 11, size=(n, regions))
    x = (painful * values).astype(np.uint8)
    # Rows an intake can hold: a part is left out where its coarse region hurts.
    for coarse, part in coarse_part_columns(kb):
        x[x[:, coarse] > 0, part] = 0
    return x


def intake_of(kb, row):
    pain = []
    for key, value in zip(kb.region_keys(), row):
        if value:
            region, _, side = key.partition(":")
            mark = {"region": region, "intensity": int(value)}
            if side:
                mark["side"] = side
            pain.append(mark)
    return {"pain": pain}


def assess_rows(kb, drawings):
    rows = []
    for row in drawings:
        intake = intake_of(kb, row)
        if intake["pain"]:
            rows.append(kb.assess(intake).scores)
        else:
            rows.append(np.zeros(len(kb.candidate_keys()), dtype=np.float32))
    return np.stack(rows)


@pytest.fixture(scope="module")
def drawings(kb):
    x = random_drawings(kb, 400)
    x[0] = 0  # a drawing with no pain
    return x


@pytest.fixture(scope="module")
def expected(kb, drawings):
    return assess_rows(kb, drawings)


def test_uint8_rows_equal_assess(kb, drawings, expected):
    out = kb.score_batch(drawings)
    assert out.dtype == np.float32
    assert out.shape == (len(drawings), len(kb.candidate_keys()))
    assert out.flags.c_contiguous
    np.testing.assert_allclose(out, expected, rtol=0, atol=1e-5)
    assert float(out[0].sum()) == 0.0
    assert (out[1:].max(axis=1) > 0).mean() > 0.5


def test_float32_rows_equal_assess(kb, drawings, expected):
    out = kb.score_batch(drawings.astype(np.float32))
    np.testing.assert_allclose(out, expected, rtol=0, atol=1e-5)


def test_non_contiguous_input(kb, drawings, expected):
    fortran = np.asfortranarray(drawings)
    assert not fortran.flags.c_contiguous
    np.testing.assert_allclose(kb.score_batch(fortran), expected, atol=1e-5)
    fortran32 = np.asfortranarray(drawings.astype(np.float32))
    np.testing.assert_allclose(kb.score_batch(fortran32), expected, atol=1e-5)
    # Every other row of a wider array: strided in both directions.
    regions = drawings.shape[1]
    wide = np.zeros((2 * len(drawings), 2 * regions), dtype=np.float32)
    wide[::2, ::2] = drawings
    strided = wide[::2, ::2]
    assert not strided.flags.c_contiguous
    np.testing.assert_allclose(kb.score_batch(strided), expected, atol=1e-5)
    reversed_rows = drawings[::-1]
    np.testing.assert_allclose(kb.score_batch(reversed_rows), expected[::-1], atol=1e-5)


def test_other_numeric_types_are_converted(kb, drawings, expected):
    for dtype in (np.float64, np.int64, np.int32, np.uint16, np.float16):
        np.testing.assert_allclose(kb.score_batch(drawings.astype(dtype)), expected, atol=1e-5)
    as_lists = drawings[:5].tolist()
    np.testing.assert_allclose(kb.score_batch(as_lists), expected[:5], atol=1e-5)


def test_fractional_intensities_are_scored(kb):
    regions = len(kb.region_keys())
    x = np.zeros((2, regions), dtype=np.float32)
    x[:, kb.region_keys().index("buttock_upper:left")] = [5.0, 5.5]
    out = kb.score_batch(x)
    assert np.isfinite(out).all() and out.max() > 0


def test_single_drawing_and_empty_batch(kb, drawings, expected):
    one = kb.score_batch(drawings[3])
    assert one.shape == (len(kb.candidate_keys()),)
    np.testing.assert_allclose(one, expected[3], atol=1e-5)
    empty = kb.score_batch(np.zeros((0, len(kb.region_keys())), dtype=np.uint8))
    assert empty.shape == (0, len(kb.candidate_keys())) and empty.dtype == np.float32


def test_threads(kb, expected, drawings):
    for threads in (None, 0, 1, 2, 3):
        np.testing.assert_allclose(kb.score_batch(drawings, threads=threads), expected,
                                   atol=1e-5)


def test_input_is_not_modified(kb, drawings):
    copy = drawings.copy()
    kb.score_batch(drawings)
    assert np.array_equal(copy, drawings)


@pytest.mark.parametrize("shape", [(3,), (3, 5), (2, 3, 4), ()])
def test_wrong_shape_is_an_input_error(kb, shape):
    with pytest.raises(myoref.InputError) as info:
        kb.score_batch(np.zeros(shape, dtype=np.uint8))
    message = str(info.value)
    assert f"expected shape (N, {len(kb.region_keys())})" in message
    assert "region_keys" in message


@pytest.mark.parametrize("values", [np.zeros((2, 2), dtype=complex), np.array([["a"] * 2] * 2),
                                    np.zeros((2, 2), dtype=bool), np.array([[None, None]])])
def test_wrong_dtype_is_an_input_error(kb, values):
    regions = len(kb.region_keys())
    x = np.resize(values, (2, regions))
    with pytest.raises(myoref.InputError, match="dtype"):
        kb.score_batch(x)


def test_not_an_array_is_an_input_error(kb):
    with pytest.raises(myoref.InputError):
        kb.score_batch(object())
    with pytest.raises(myoref.InputError):
        kb.score_batch([[1, 2], [3]])


@pytest.mark.parametrize("bad", [11, -1, np.nan, np.inf, 10.5])
def test_values_outside_the_scale_are_input_errors(kb, bad):
    x = np.zeros((4, len(kb.region_keys())), dtype=np.float64)
    x[2, 5] = bad
    with pytest.raises(myoref.InputError) as info:
        kb.score_batch(x)
    assert info.value.path == "/2/5"
    if bad == 11:
        with pytest.raises(myoref.InputError):
            kb.score_batch(x.astype(np.uint8))
        with pytest.raises(myoref.InputError):
            kb.score_batch(x.astype(np.int64))


def test_large_integers_are_not_wrapped(kb):
    x = np.zeros((1, len(kb.region_keys())), dtype=np.int64)
    x[0, 0] = 256 + 3  # would read as 3 if cast to uint8
    with pytest.raises(myoref.InputError):
        kb.score_batch(x)


def test_bad_threads(kb, drawings):
    with pytest.raises(myoref.InvalidArgument):
        kb.score_batch(drawings, threads=-1)
    with pytest.raises(TypeError):
        kb.score_batch(drawings, threads=1.5)


def test_out_receives_the_scores(kb, drawings, expected):
    n, c = len(drawings), len(kb.candidate_keys())
    for x in (drawings, drawings.astype(np.float32)):
        out = np.full((n, c), -1.0, dtype=np.float32)
        result = kb.score_batch(x, out=out)
        assert result is out
        np.testing.assert_array_equal(out, kb.score_batch(x))
        np.testing.assert_allclose(out, expected, rtol=0, atol=1e-5)
        kb.score_batch(x, threads=2, out=out)  # again, into the same array
        np.testing.assert_array_equal(out, kb.score_batch(x))
    one = np.full(c, -1.0, dtype=np.float32)
    assert kb.score_batch(drawings[3], out=one) is one
    np.testing.assert_array_equal(one, kb.score_batch(drawings[3]))


def test_bad_out(kb, drawings):
    n, r, c = len(drawings), len(kb.region_keys()), len(kb.candidate_keys())
    readonly = np.zeros((n, c), dtype=np.float32)
    readonly.flags.writeable = False
    for bad in (np.zeros((n, c), dtype=np.float64),      # dtype
                np.zeros((n, c + 1), dtype=np.float32),  # shape
                np.zeros(c, dtype=np.float32),           # shape: one row for many
                np.zeros((c, n), dtype=np.float32).T,    # not C-contiguous
                readonly,
                [[0.0] * c] * n):                        # not an array
        with pytest.raises(myoref.InvalidArgument):
            kb.score_batch(drawings, out=bad)
    # Drawings and scores in one buffer, overlapping.
    buffer = np.zeros(n * r + n * c, dtype=np.float32)
    x = buffer[:n * r].reshape(n, r)
    x[:] = drawings
    with pytest.raises(myoref.InvalidArgument):
        kb.score_batch(x, out=buffer[n * r - 8:n * r - 8 + n * c].reshape(n, c))
    np.testing.assert_array_equal(x, drawings)
    # Bad drawings leave `out` untouched.
    bad_x = drawings.copy()
    bad_x[5, 2] = 11
    out = np.full((n, c), -1.0, dtype=np.float32)
    with pytest.raises(myoref.InputError):
        kb.score_batch(bad_x, out=out)
    assert (out == -1.0).all()


def test_gil_is_released_while_scoring(kb):
    """A long batch on a background thread must not stop the main thread."""
    regions = len(kb.region_keys())
    x = np.zeros((1, regions), dtype=np.uint8)
    x[0, kb.region_keys().index("buttock_upper:left")] = 5
    # Size the batch so that it takes about 0.4 s on one thread here.
    start = time.perf_counter()
    kb.score_batch(np.repeat(x, 20000, axis=0), threads=1)
    per_row = (time.perf_counter() - start) / 20000
    big = np.repeat(x, max(20000, int(0.4 / per_row)), axis=0)

    done = threading.Event()
    worker_time = []

    def work():
        t0 = time.perf_counter()
        kb.score_batch(big, threads=1)
        worker_time.append(time.perf_counter() - t0)
        done.set()

    thread = threading.Thread(target=work)
    ticks = []
    thread.start()
    while not done.is_set():
        ticks.append(time.perf_counter())
        time.sleep(0.001)
    thread.join()
    gaps = np.diff(ticks)
    # With the GIL held for the whole batch the main thread would stall for
    # all of it; released, it keeps ticking.
    assert len(ticks) > 20
    assert gaps.max() < 0.5 * worker_time[0]


def test_threads_calling_concurrently_get_their_own_results(kb):
    batches = [random_drawings(kb, 200, seed=s) for s in range(4)]
    expected = [kb.score_batch(b, threads=1) for b in batches]
    results = [None] * 4

    def work(i):
        results[i] = kb.score_batch(batches[i], threads=1)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for r, e in zip(results, expected):
        np.testing.assert_array_equal(r, e)
