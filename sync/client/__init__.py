"""The terminal's HTTP client for the central commerce API v1 (``sync/CONTRACT.md``).

``HttpCentral`` implements ``sync.ports.CentralPort``; ``enrol`` trades an enrolment code
for a token; ``TokenStore`` keeps that token (OS keyring, else a 0600 file). This
package never imports the reference server (``sync.central``).
"""

from sync.client.enrolment import Enrolment, enrol
from sync.client.http_central import HttpCentral
from sync.client.token_store import TokenStore

__all__ = ["Enrolment", "HttpCentral", "TokenStore", "enrol"]
