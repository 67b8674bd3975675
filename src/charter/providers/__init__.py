"""Model endpoints behind one interface: ``create_provider("openai/gpt-4o-mini")``, ``mock/echo``, ..."""

from charter.providers._base import CURRENT_CASE_ID, Completion, GenerationParams, Provider, Usage
from charter.providers._mock import MockCall, MockProvider, MockRule, MockScript, builtin_scripts
from charter.providers._openai import DEFAULT_BASE_URL, OpenAIProvider
from charter.providers._registry import (
    PROVIDER_SCHEMES,
    create_provider,
    parse_provider_spec,
    provider_schemes,
)

__all__ = [
    "CURRENT_CASE_ID",
    "DEFAULT_BASE_URL",
    "PROVIDER_SCHEMES",
    "Completion",
    "GenerationParams",
    "MockCall",
    "MockProvider",
    "MockRule",
    "MockScript",
    "OpenAIProvider",
    "Provider",
    "Usage",
    "builtin_scripts",
    "create_provider",
    "parse_provider_spec",
    "provider_schemes",
]
