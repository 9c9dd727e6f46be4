"""bench/RESULTS.md: each benchmark script owns one section (a "## " heading) and rewrites only it."""
import os

RESULTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "RESULTS.md")


def write_section(mark, lines, path=RESULTS):
    """Replaces the section headed `mark` with `lines` (appends it when absent); keeps the others."""
    text = open(path, encoding="utf-8").read() if os.path.exists(path) else "# Benchmark results\n"
    before, found, after = text.partition(mark)
    rest = after.split("\n## ", 1) if found else [""]
    text = before.rstrip() + "\n\n" + "\n".join(lines) + ("\n## " + rest[1] if len(rest) > 1 else "")
    open(path, "w", encoding="utf-8").write(text)
    print("\n".join(lines))
