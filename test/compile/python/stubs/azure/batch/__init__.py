"""Stub of the azure-batch package (2.0-14.x shape) for the execution checks: models only, no service."""
