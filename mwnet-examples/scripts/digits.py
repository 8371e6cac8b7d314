#!/usr/bin/python3
"""scikit-learn's 8x8 digits as mwnet input files, with 40% uniform label noise on the training set.

Writes to the current directory (or argv[1]):
  test.npz               ~30% of the images, clean labels
  trusted.npz            100 images (10 per class) with clean labels, for --meta
  train.npz              the rest; labels with 40% uniform noise (GLC: each label replaced with
                         probability 0.4 by a uniformly drawn class, possibly the true one)
  train-clean-labels.npy the training set's true labels, for --clean-labels
Images are float32 [N, 8, 8] in [0, 1] (the digits' 0..16 divided by 16); labels are int64 0..9.
"""
import sys, os
import numpy as np
from sklearn.datasets import load_digits

out = sys.argv[1] if len(sys.argv) > 1 else "."
rng = np.random.default_rng(0)
digits = load_digits()
x = (digits.images / 16.0).astype(np.float32)  # [1797, 8, 8]
y = digits.target.astype(np.int64)

order = rng.permutation(len(y))
n_test = round(0.3 * len(y))
test, rest = order[:n_test], order[n_test:]
trusted = np.concatenate([rest[y[rest] == c][:10] for c in range(10)])
train = np.setdiff1d(rest, trusted)
train = train[rng.permutation(len(train))]

noisy = y[train].copy()
flip = rng.random(len(train)) < 0.4
noisy[flip] = rng.integers(0, 10, flip.sum())

os.makedirs(out, exist_ok=True)
np.savez(os.path.join(out, "test.npz"), x=x[test], y=y[test])
np.savez(os.path.join(out, "trusted.npz"), x=x[trusted], y=y[trusted])
np.savez(os.path.join(out, "train.npz"), x=x[train], y=noisy)
np.save(os.path.join(out, "train-clean-labels.npy"), y[train])
print(f"test {len(test)}, trusted {len(trusted)}, train {len(train)}: "
      f"{flip.sum()} labels redrawn, {(noisy != y[train]).sum()} wrong ({(noisy != y[train]).mean():.1%})")
