# The reference `npm run bench` measures roofline-gate's start-up against: the chart of examples/roofline.yml
# drawn the way a roofline tutorial does it, with numpy and matplotlib, saved as SVG. Figures are the
# example's (FLOPs and bytes per forward pass) and the catalog's (fp16 dense peak, HBM bandwidth).
#
#   python3 scripts/roofline-matplotlib.py OUT.svg
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

devices = {
    "A100 SXM4 80GB": (312e12, 2039e9),
    "H100 SXM": (989.4e12, 3.35e12),
}
models = {
    "resnet50": (2 * 131.2e9, 1.52e9),
    "llama-7b-layer-decode": ((805 + 268 + 268 + 1443 + 721 + 0.4) * 1e6, (100.7 + 268.4 + 33.6 + 180.4 + 90.2 + 0.5) * 1e6),
}

fig, ax = plt.subplots(figsize=(8, 5))
intensity = np.logspace(-1, 4, 200)
for name, (peak, bandwidth) in devices.items():
    ax.loglog(intensity, np.minimum(peak, bandwidth * intensity), label=name)
    ax.scatter([peak / bandwidth], [peak], marker="D", color="white", edgecolors="black", zorder=3)
    for model, (flops, moved) in models.items():
        x = flops / moved
        y = min(peak, bandwidth * x)
        ax.scatter([x], [y], zorder=4)
        ax.annotate(f"{model} on {name}", (x, y), textcoords="offset points", xytext=(5, 5), fontsize=8)
ax.set_xlabel("Arithmetic intensity (FLOP/byte)")
ax.set_ylabel("Attainable FLOP/s")
ax.set_title("Roofline")
ax.grid(True, which="both", alpha=0.3)
ax.legend()
fig.savefig(sys.argv[1] if len(sys.argv) > 1 else "roofline-matplotlib.svg")
