"""Charter: make a model behavior spec real (spec as code, enforcement, audit, accountability)."""

__version__ = "0.1.0"

__all__ = ["__version__"]
