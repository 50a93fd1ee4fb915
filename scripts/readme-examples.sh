#!/usr/bin/env bash
# Rewrites the README's `$ hats …` example blocks with the program's real output
# (ReadmeTests fails when they disagree). Run after changing what those commands print.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product hats >/dev/null
python3 - <<'PY'
import subprocess
text = open("README.md", encoding="utf-8").read()
for command in ["hats check --preset msp-10", "hats presets"]:
    marker = "```\n$ " + command + "\n"
    start = text.index(marker) + len(marker)
    end = text.index("```\n", start)
    out = subprocess.run([".build/debug/hats"] + command.split()[1:], capture_output=True, text=True).stdout
    text = text[:start] + out + text[end:]
open("README.md", "w", encoding="utf-8").write(text)
PY
