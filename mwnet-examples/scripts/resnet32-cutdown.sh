#!/usr/bin/env bash
# A cut-down ResNet-32 run that shows MW-Net training the paper's model end to end on this machine in minutes:
# a Fashion-MNIST slice (the first TRAIN training images, of which 100 form the clean meta set, and the first 1000
# test images; 1x28x28, which ResNet-32 takes as it is), 40% uniform noise, batch 50, 4 epochs, ce then mwnet, then
# mwnet with cheaper meta steps when FAST_FLAGS are given (e.g. "--meta-layers last --meta-interval 10": run mwnet-fast).
# Usage: mwnet-examples/scripts/resnet32-cutdown.sh [OUT_DIR] [TRAIN] [FAST_FLAGS]   (TRAIN default 1100)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-runs/resnet32-cutdown}"
train="${2:-1100}"
fast="${3:-}"
runs=(ce mwnet)
[[ -z "$fast" ]] || runs+=(mwnet-fast)
src="${MWNET_DATA:-/usr/share/datasets/fashion-mnist}"
mkdir -p "$out/data"
# IDX files keep a big-endian count after the magic number: rewrite it and keep the first records.
python3 - "$src" "$out/data" "$train" <<'PY'
import gzip, struct, sys
src, dst, train = sys.argv[1], sys.argv[2], int(sys.argv[3])
for name, count in [("train-images-idx3-ubyte", train), ("train-labels-idx1-ubyte", train),
                    ("t10k-images-idx3-ubyte", 1000), ("t10k-labels-idx1-ubyte", 1000)]:
    data = gzip.open(f"{src}/{name}.gz").read()
    dims = data[3]
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    record = 1
    for d in shape[1:]:
        record *= d
    header = data[:4] + struct.pack(">" + "I" * dims, count, *shape[1:])
    body = data[4 + 4 * dims: 4 + 4 * dims + count * record]
    with gzip.open(f"{dst}/{name}.gz.tmp", "wb") as f:
        f.write(header + body)
    import os; os.replace(f"{dst}/{name}.gz.tmp", f"{dst}/{name}.gz")
PY
for run in "${runs[@]}"; do
  flags=(--method "${run%-fast}")
  # shellcheck disable=SC2206 # the fast flags are words
  [[ "$run" != mwnet-fast ]] || flags+=($fast)
  "$here/mwnet" train --dataset fashion-mnist --data-dir "$out/data" --model resnet32 --batch 50 --epochs 4 \
    --meta-size 100 --noise uniform --noise-rate 0.4 --seed 1 --threads "${THREADS:-1}" "${flags[@]}" \
    --out "$out/$run" 2>&1 | tee "$out/$run.log"
done
for method in "${runs[@]}"; do
  python3 -c "import json; m=json.load(open('$out/$method/metrics.json')); print(f\"resnet32 cut-down $method final {m['final_test_acc']:.2f} selected {m['selected_test_acc']:.2f} ms/iter {m['ms_per_iter']:.1f}\")"
done
