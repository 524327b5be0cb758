"""Stub of azure.batch.batch_service_client: `batch.models.X` and a client that refuses to talk."""
from . import models  # noqa: F401  (samples write batch.models.TaskAddParameter)


class BatchServiceClient:
    def __init__(self, credentials, base_url=None):
        raise RuntimeError('the stub SDK has no service; only models are checked')
