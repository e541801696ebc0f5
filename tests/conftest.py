"""Test-wide settings: Qt renders offscreen, hypothesis is deterministic and bounded."""

import os

from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Terminal signing keys go to the data folder, never to the developer's own keyring.
os.environ.setdefault("COMPTOIR_KEY_STORE", "file")

settings.register_profile(
    "comptoir",
    max_examples=200,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("comptoir")
