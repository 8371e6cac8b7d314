#!/usr/bin/env bash
# The class-aware protocol of the README (issue 21): Fashion-MNIST, batch 100, lr 0.1 (x0.1 at 2/3 and 5/6 of
# 15 epochs), meta set 1000, seed 1 (or SEED), one thread per run; methods ce, mwnet and cmwnet on 40% flip, long
# tail 100 and 40% uniform, plus the long-tail recipe (plain cross-entropy for 12 of the 15 epochs, then
# meta-learning: --warmup-epochs 12) for mwnet and cmwnet on the long tail.
# Usage: mwnet-examples/scripts/class-aware-protocol.sh [OUT_DIR] [PARALLEL_JOBS] [mlp|lenet] [ONLY_REGEX]
#   ONLY_REGEX runs only the tasks whose name (e.g. flip-cmwnet, longtail100-mwnet-late) matches it.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-runs/class-aware}"
jobs="${2:-2}"
model="${3:-mlp}"
only="${4:-.}"
seed="${SEED:-1}"
case "$model" in
  mlp) model_args="--model mlp --hidden 256" ;;
  lenet) model_args="--model lenet" ;;
  *) echo "class-aware-protocol.sh: unknown model '$model'; expected mlp or lenet" >&2; exit 2 ;;
esac
settings=("flip:--noise flip --noise-rate 0.4" "longtail100:--imbalance 100" "uniform:--noise uniform --noise-rate 0.4")
tasks=()
for s in "${settings[@]}"; do
  for m in ce mwnet cmwnet; do tasks+=("${s%%:*}-$m $m ${s#*:}"); done
done
for m in mwnet cmwnet; do tasks+=("longtail100-$m-late $m --imbalance 100 --warmup-epochs 12"); done
mkdir -p "$out"
selected=()
for t in "${tasks[@]}"; do [[ "${t%% *}" =~ $only ]] && selected+=("$t"); done
printf '%s\n' "${selected[@]}" | xargs -P "$jobs" -I{} bash -c '
  set -- {}; name=$1; method=$2; shift 2
  "'"$here"'/mwnet" train --dataset fashion-mnist '"$model_args"' --batch 100 --lr 0.1 --epochs 15 \
    --meta-size 1000 --seed '"$seed"' --threads 1 --method "$method" "$@" --out "'"$out"'/$name" \
    > "'"$out"'/$name.log" 2>&1 || echo "$name: failed, see '"$out"'/$name.log"'
for t in "${selected[@]}"; do
  name="${t%% *}"; f="$out/$name/metrics.json"
  if [[ -f "$f" ]]; then
    python3 -c "import json; m=json.load(open('$f')); print(f\"$model seed $seed $name final {m['final_test_acc']:.2f} selected {m['selected_test_acc']:.2f} ms/iter {m['ms_per_iter']:.1f}\")"
  else
    echo "$model seed $seed $name: $(tail -n 1 "$out/$name.log")"
  fi
done
