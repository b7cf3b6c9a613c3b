"""The slowest text conversions the conversion budget lets through, timed.

    python bench/conversion.py [--length 20000] [--repeat 3]

Builds, for each shape that makes Markdown conversion costly, the most expensive text of
``--length`` characters that :mod:`govportal.text.conversion_budget` still accepts (and,
for comparison, the same shape over the budget, which is refused and shown as text), converts
each with the portal's sanitising conversion and prints the CPU time per 1,000 characters.
It measures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import time

from govportal.text import conversion_budget, safe_markdown


def shapes(n: int) -> dict[str, str]:
    def fill(prefix: str) -> str:
        return prefix + "w" * max(0, n - len(prefix))

    line = "w" * 70
    return {
        "32 unclosed '['": fill("[" * 32),
        "32 '![' images": fill("![" * 32),
        "32 '[*' then '](#\\'": fill("[*" * 32 + "](#\\" * 32),
        "32 '<a ' tags": fill("<a " * 32),
        "32 autolink openings": fill("<http" * 32),
        "31 backtick runs": fill(" a ".join("`" * i for i in range(1, 32))),
        "255 setext lines": "".join(f"{line}\n=\n" for _ in range(84)),
        "255 list items, one block": "".join(f"- {line}\n" for _ in range(255))[:n],
        "8-deep nested markers": "".join("1. " * 8 + line + "\n\n" for _ in range(n // 96)),
        "8-deep quotes": "> " * 8 + "w" * (n - 16),
        "blocks of 8 '['": "".join("[" * 8 + " w\n\n" for _ in range(n // 12)),
        "plain prose": ("Managers see whether a course is done. " * (n // 39))[:n],
        # over the budget: refused, shown as text
        "20,000 '[' (refused)": "[" * n,
        "6,666 '1. ' (refused)": ("1. " * (n // 3))[:n],
    }


def cpu(text: str) -> float:
    start = time.process_time()
    safe_markdown._convert_block(text)
    safe_markdown._convert_plain(text)
    return time.process_time() - start


def main() -> None:
    top = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    top.add_argument("--length", type=int, default=20_000)
    top.add_argument("--repeat", type=int, default=3)
    args = top.parse_args()
    worst = ("", 0.0)
    print(f"{'shape':32} {'chars':>7} {'budget':>8} {'ms/1,000 chars':>15}")
    for name, text in shapes(args.length).items():
        seconds = max(cpu(text) for _ in range(args.repeat))
        per_k = seconds / max(len(text), 1) * 1000 * 1000
        verdict = "refused" if conversion_budget.over_budget(text) else "within"
        print(f"{name:32} {len(text):7,} {verdict:>8} {per_k:15.2f}")
        if verdict == "within" and per_k > worst[1]:
            worst = (name, per_k)
    print(f"slowest within the budget: {worst[0]}, {worst[1]:.2f} ms per 1,000 characters "
          "(block and plain conversion together)")


if __name__ == "__main__":
    main()
