"""Generated Python client for the handoff gRPC API (package ``handoff.v1``).

Regenerate with ``clients/generate.sh``; only the ``__init__.py`` files here are hand-written.
"""
