"""How numbers are written in messages, tables and documents: one way everywhere."""

from __future__ import annotations

from decimal import Decimal


def num(value: Decimal | float | int) -> str:
    """`20`, `2.5`, `0.75`, `0.00001`: a number without trailing zeros or exponent.

    A float is written from its shortest repr, so 0.1 stays `0.1` and 1e-05 becomes
    `0.00001`; Decimals and ints are written exactly.
    """
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        value = Decimal(repr(value))
    text = f"{Decimal(value):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
