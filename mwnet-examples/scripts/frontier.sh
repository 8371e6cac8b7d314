#!/usr/bin/env bash
# Time to accuracy: the frontier of cheaper meta steps (mwnet-examples/docs/accuracy.md). One protocol (Fashion-MNIST,
# batch 100, lr 0.1 decayed x0.1 at 2/3 and 5/6 of the epochs, meta set 1000, seed 1, one thread), ce and every shipped mwnet setting,
# run ONE AT A TIME so that their times can be compared; then one line per run: final and selected test accuracy, ms
# per iteration over whole epochs, and the seconds the epochs took (batch loading and evaluation included).
# Usage: mwnet-examples/scripts/frontier.sh OUT_DIR mlp|lenet uniform|flip [NOISE_RATE] [EPOCHS] [SETTINGS...]
#   SETTINGS: name=flags pairs; default: ce, exact (mwnet), k5 and k10 (--meta-interval 5, 10), last
#   (--meta-layers last), last-k10 (both).
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:?OUT_DIR}"
model="${2:?mlp or lenet}"
noise="${3:?uniform or flip}"
rate="${4:-0.4}"
epochs="${5:-15}"
shift $(($# < 5 ? $# : 5))
settings=("$@")
if ((${#settings[@]} == 0)); then
  settings=("ce=--method ce" "exact=--method mwnet" "k5=--method mwnet --meta-interval 5"
            "k10=--method mwnet --meta-interval 10"
            "last=--method mwnet --meta-layers last" "last-k10=--method mwnet --meta-layers last --meta-interval 10")
fi
mkdir -p "$out"
for s in "${settings[@]}"; do
  name="${s%%=*}"
  flags="${s#*=}"
  run="$out/$model-$noise$rate-e$epochs-$name"
  # shellcheck disable=SC2086 # the setting's flags are words
  "$here/mwnet" train --dataset fashion-mnist --model "$model" --noise "$noise" --noise-rate "$rate" --batch 100 \
    --lr 0.1 --epochs "$epochs" --meta-size 1000 --seed 1 --threads 1 $flags --out "$run" \
    --overwrite > "$run.log" 2>&1 || echo "$name: failed, see $run.log"
done
for s in "${settings[@]}"; do
  name="${s%%=*}"
  f="$out/$model-$noise$rate-e$epochs-$name/metrics.json"
  [[ -f "$f" ]] || continue
  /usr/bin/python3 -c "
import json
m = json.load(open('$f'))
secs = sum(e['seconds'] for e in m['epochs'])
print('$model $noise $rate e$epochs %-9s final %.2f selected %.2f ms/iter %.1f epochs %.0f s' % (
    '$name', m['final_test_acc'], m['selected_test_acc'], m['ms_per_iter'], secs))"
done
