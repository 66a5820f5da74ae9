"""The baseline of `make bench`: a bare PyYAML CSafeLoader parse of a workspace's YAML files.

    python bench/parse_only.py WORKSPACE
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml


def main() -> None:
    for path in sorted(Path(sys.argv[1]).glob("*.y*ml")):
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)


if __name__ == "__main__":
    main()
