"""``steadyloop serve``: an OpenAI- and Anthropic-compatible HTTP gateway over the same classifier,
credential pools, recovery ladder and shared state as the library.

Only ``settings`` (pydantic) loads with the package; the web stack (Starlette, uvicorn: the
``serve`` extra) loads with ``agent.serve.app``.
"""

from .settings import ClientKey, ManagementConfig, RouteConfig, ServeConfig

__all__ = ["ClientKey", "ManagementConfig", "RouteConfig", "ServeConfig"]
