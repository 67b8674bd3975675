"""The OpenAI-compatible gateway behind ``charter serve``: enforcement in front of any model.

Point an OpenAI client at the gateway with a Charter key; it checks each request and reply against
the spec (under the key's tenant profile), stores one chained decision per request and answers
exactly as the upstream would, with ``x-charter-decision-id`` and ``x-charter-action`` headers::

    from charter.gateway import GatewayConfig, create_app

    app = create_app(GatewayConfig(upstream="https://api.openai.com/v1", keys_file=Path("keys.yaml")))
    # serve ``app`` with any ASGI server, e.g. uvicorn.run(app, port=8080)
"""

from charter.gateway._app import GatewayApp, create_app
from charter.gateway._config import ApiKey, GatewayConfig, add_key, hash_key, load_keys, new_key, save_keys
from charter.gateway._exchange import TokenBucket
from charter.gateway._metrics import Metrics

__all__ = [
    "ApiKey",
    "GatewayApp",
    "GatewayConfig",
    "Metrics",
    "TokenBucket",
    "add_key",
    "create_app",
    "hash_key",
    "load_keys",
    "new_key",
    "save_keys",
]
