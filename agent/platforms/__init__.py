"""Where a model is hosted when not at its maker's own API: Azure OpenAI, AWS Bedrock, Google Vertex AI.

The wire protocol stays the chain entry's ``api`` (Azure speaks the OpenAI APIs, Bedrock and
Vertex speak Anthropic Messages); a platform changes the client the official SDK offers for it
(``openai.AzureOpenAI``, ``anthropic.AnthropicBedrock``, ``anthropic.AnthropicVertex``), its URL
paths and how a request is authenticated. Nothing here imports an SDK, boto3 or google-auth
until a client is built.
"""

from __future__ import annotations

from .auth import AwsAuth, CloudAuth, EntraAuth, GoogleAuth, PlatformCredentialError
from .extras import EXTRAS, KINDS, PLATFORMS, Platform, missing_extra

__all__ = [
    "EXTRAS",
    "KINDS",
    "PLATFORMS",
    "AwsAuth",
    "CloudAuth",
    "EntraAuth",
    "GoogleAuth",
    "Platform",
    "PlatformCredentialError",
    "missing_extra",
]
