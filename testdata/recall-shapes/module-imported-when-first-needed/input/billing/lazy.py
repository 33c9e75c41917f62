"""Optional dependencies, imported the first time they are needed."""

from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    import stripe

_stripe: Optional["stripe"] = None
_checked = False
_codec = None


def load_stripe() -> Optional["stripe"]:
    global _stripe, _checked
    if _checked:
        return _stripe
    _checked = True
    try:
        import stripe as imported

        imported.api_key = "sk_test"
        _stripe = imported
    except ImportError:
        _stripe = None
    return _stripe


def load_stripe_unannotated():
    import stripe

    return stripe


def load_codec():
    global _codec
    if _codec is None:
        import json

        _codec = json
    return _codec
