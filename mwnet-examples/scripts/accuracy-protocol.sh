#!/usr/bin/env bash
# The accuracy protocol of the README: MLP 784-256-256-10, batch 100, lr 0.1 (x0.1 at 2/3 and 5/6 of 15 epochs),
# meta set 1000, seed 1; methods ce, mwnet, l2rw, focal on 40% uniform, 40% flip and long-tail 100.
# Usage: mwnet-examples/scripts/accuracy-protocol.sh [OUT_DIR] [PARALLEL_JOBS]
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-runs/protocol}"
jobs="${2:-2}"
settings=("uniform:--noise uniform --noise-rate 0.4" "flip:--noise flip --noise-rate 0.4" "longtail100:--imbalance 100")
tasks=()
for s in "${settings[@]}"; do
  for m in ce mwnet l2rw focal; do tasks+=("${s%%:*} $m ${s#*:}"); done
done
printf '%s\n' "${tasks[@]}" | xargs -P "$jobs" -I{} bash -c '
  set -- {}; name=$1; method=$2; shift 2
  "'"$here"'/mwnet" train --dataset fashion-mnist --model mlp --hidden 256 --batch 100 --lr 0.1 --epochs 15 \
    --meta-size 1000 --seed 1 --threads 1 --method "$method" "$@" --out "'"$out"'/$name-$method" \
    > "'"$out"'/$name-$method.log" 2>&1 || echo "$name $method: failed, see '"$out"'/$name-$method.log"'
for s in "${settings[@]}"; do
  for m in ce mwnet l2rw focal; do
    f="$out/${s%%:*}-$m/metrics.json"
    if [[ -f "$f" ]]; then
      python3 -c "import json,sys; m=json.load(open('$f')); print(f\"${s%%:*} $m final {m['final_test_acc']:.2f} selected {m['selected_test_acc']:.2f} ms/iter {m['ms_per_iter']:.1f}\")"
    else
      echo "${s%%:*} $m: $(tail -n 1 "$out/${s%%:*}-$m.log")"
    fi
  done
done
