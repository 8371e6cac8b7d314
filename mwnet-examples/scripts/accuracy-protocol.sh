#!/usr/bin/env bash
# The accuracy protocols of the README, on Fashion-MNIST: batch 100, lr 0.1 (x0.1 at 2/3 and 5/6 of 15 epochs),
# meta set 1000, seed 1, one thread per run.
#   mlp   (default): MLP 784-256-256-10; methods ce, mwnet, l2rw, focal on 40% uniform, 40% flip and long-tail 100.
#   lenet:           the LeNet CNN; methods ce and mwnet on 40% uniform and 40% flip.
# Usage: mwnet-examples/scripts/accuracy-protocol.sh [OUT_DIR] [PARALLEL_JOBS] [mlp|lenet]
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-runs/protocol}"
jobs="${2:-2}"
model="${3:-mlp}"
case "$model" in
  mlp) settings=("uniform:--noise uniform --noise-rate 0.4" "flip:--noise flip --noise-rate 0.4" "longtail100:--imbalance 100")
       methods=(ce mwnet l2rw focal); model_args="--model mlp --hidden 256" ;;
  lenet) settings=("uniform:--noise uniform --noise-rate 0.4" "flip:--noise flip --noise-rate 0.4")
         methods=(ce mwnet); model_args="--model lenet" ;;
  *) echo "accuracy-protocol.sh: unknown protocol '$model'; expected mlp or lenet" >&2; exit 2 ;;
esac
mkdir -p "$out"
tasks=()
for s in "${settings[@]}"; do
  for m in "${methods[@]}"; do tasks+=("${s%%:*} $m ${s#*:}"); done
done
printf '%s\n' "${tasks[@]}" | xargs -P "$jobs" -I{} bash -c '
  set -- {}; name=$1; method=$2; shift 2
  "'"$here"'/mwnet" train --dataset fashion-mnist '"$model_args"' --batch 100 --lr 0.1 --epochs 15 \
    --meta-size 1000 --seed 1 --threads 1 --method "$method" "$@" --out "'"$out"'/$name-$method" \
    > "'"$out"'/$name-$method.log" 2>&1 || echo "$name $method: failed, see '"$out"'/$name-$method.log"'
for s in "${settings[@]}"; do
  for m in "${methods[@]}"; do
    f="$out/${s%%:*}-$m/metrics.json"
    if [[ -f "$f" ]]; then
      python3 -c "import json,sys; m=json.load(open('$f')); print(f\"$model ${s%%:*} $m final {m['final_test_acc']:.2f} selected {m['selected_test_acc']:.2f} ms/iter {m['ms_per_iter']:.1f}\")"
    else
      echo "$model ${s%%:*} $m: $(tail -n 1 "$out/${s%%:*}-$m.log")"
    fi
  done
done
