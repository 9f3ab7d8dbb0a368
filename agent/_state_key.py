"""What shared credential state is keyed by: the credential's id and a keyed hash of its secret.

State keyed by the id alone belongs to a label, not to a key: a second project with the same ids
and a different healthy key would be told "out of quota", and a revoked key the user replaced
would stay "dead". So every store row of a credential is keyed by ``"{id}@{fingerprint}"``::

    fingerprint = HMAC-SHA256(key=b"steadyloop/credential-state/v1", msg=identity).hexdigest()[:12]

``identity`` is the secret by default; a credential whose secret is minted later or rotates
(Entra ID, AWS, Google, refreshed OAuth tokens) supplies a stable identity of its own instead
(``Credential.identity``). The HMAC key is fixed and public: it separates this hash from any other
hash of the same secret (a fingerprint published elsewhere never matches), and every process of a
fleet computes the same fingerprint without sharing anything. 48 bits of a hash of a key with
over 100 bits of entropy cannot be turned back into the key; it identifies, it does not reveal.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Final

__all__ = ["FINGERPRINT_KEY", "FINGERPRINT_LENGTH", "state_fingerprint", "state_key"]

FINGERPRINT_KEY: Final = b"steadyloop/credential-state/v1"  # change the version to start every key fresh
FINGERPRINT_LENGTH: Final = 12  # hex digits: 48 bits, no collision among any realistic number of keys


def state_fingerprint(identity: str) -> str:
    """The short keyed hash of a secret (or a credential's own stable identity); never reversible to it."""
    digest = hmac.new(FINGERPRINT_KEY, identity.encode("utf-8", "surrogatepass"), hashlib.sha256)
    return digest.hexdigest()[:FINGERPRINT_LENGTH]


def state_key(credential_id: str, fingerprint: str) -> str:
    """The key of a credential's rows in a state store: its id and its fingerprint."""
    return f"{credential_id}@{fingerprint}"
